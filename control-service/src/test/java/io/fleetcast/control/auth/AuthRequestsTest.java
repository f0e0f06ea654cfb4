package io.fleetcast.control.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast path reads every body exactly as the Jackson path does, or leaves it to Jackson. */
class AuthRequestsTest {
    private static final String GO_STYLE = "{\"ip\":\"172.18.0.5\",\"user\":\"robot_12\",\"password\":\"K\","
            + "\"token\":\"K\",\"action\":\"publish\",\"path\":\"robot_12\",\"protocol\":\"rtmp\","
            + "\"id\":\"6b1c0000-0000-0000-0000-000000000000\",\"query\":\"user=robot_12\\u0026pass=K\",\"userAgent\":\"\"}";

    private final AuthRequests requests = new AuthRequests();

    static Stream<String> bodies() {
        return Stream.of(
                GO_STYLE,
                GO_STYLE.replace(",", " ,\n\t ").replace(":", " : "),
                GO_STYLE.replace("\"id\":\"6b1c0000-0000-0000-0000-000000000000\"", "\"id\":null"),
                GO_STYLE.replace("\"userAgent\":\"\"", "\"userAgent\":null"),
                GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":\"r\\\"o\\\\b\\/o\\tt\\u00e9\""),
                GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":\"r\u00e9bot\""),
                GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":\"\\ud83d\\ude00\""),
                GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":null"),
                GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":1"),
                GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":\"\\x\""),
                GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":\"a\tb\""),
                GO_STYLE.replace("\"userAgent\":\"\"", "\"userAgent\":\"\",\"extra\":{\"a\":[1,2]}"),
                GO_STYLE.replace("\"userAgent\":\"\"", "\"userAgent\":\"\",\"user\":\"second\""),
                GO_STYLE + " ",
                GO_STYLE + "x",
                GO_STYLE.replace("}", ",}"),
                GO_STYLE.substring(0, GO_STYLE.length() - 1),
                "{}",
                " { } ",
                "[]",
                "");
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void fastPathAgreesWithJackson(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        assertThat(outcome(() -> requests.fromJson(body))).isEqualTo(outcome(() -> requests.fromJsonStrictly(body)));
    }

    @Test
    void readsMediamtxBodiesOnTheFastPathWithGoEscapes() {
        assertThat(FlatJson.parse(GO_STYLE.getBytes(StandardCharsets.UTF_8))).isNotNull();
        AuthRequest request = requests.fromJson(GO_STYLE.getBytes(StandardCharsets.UTF_8));
        assertThat(request.query()).isEqualTo("user=robot_12&pass=K");
        assertThat(Credentials.candidates(request)).containsExactly("K");
    }

    private static String outcome(java.util.function.Supplier<AuthRequest> parse) {
        try {
            return parse.get().toString();
        } catch (MalformedAuthRequestException e) {
            return "malformed: " + e.getMessage();
        }
    }
}
