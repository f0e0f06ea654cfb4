package io.fleetcast.control.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MediaMTX bodies as Go encodes them are read; anything off the contract is malformed. */
class AuthRequestsTest {
    private static final String GO_STYLE = "{\"ip\":\"172.18.0.5\",\"user\":\"robot_12\",\"password\":\"K\","
            + "\"token\":\"K\",\"action\":\"publish\",\"path\":\"robot_12\",\"protocol\":\"rtmp\","
            + "\"id\":\"6b1c0000-0000-0000-0000-000000000000\",\"query\":\"user=robot_12\\u0026pass=K\",\"userAgent\":\"\"}";

    private final AuthRequests requests = new AuthRequests();

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of(GO_STYLE, true),
                Arguments.of(GO_STYLE.replace(",", " ,\n\t ").replace(":", " : "), true),
                Arguments.of(GO_STYLE.replace("\"id\":\"6b1c0000-0000-0000-0000-000000000000\"", "\"id\":null"), true),
                Arguments.of(GO_STYLE.replace("\"userAgent\":\"\"", "\"userAgent\":null"), true),
                Arguments.of(GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":\"r\\\"o\\\\b\\/o\\tt\\u00e9\""), true),
                Arguments.of(GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":\"\\ud83d\\ude00\""), true),
                Arguments.of(GO_STYLE.replace("\"userAgent\":\"\"", "\"userAgent\":\"\",\"extra\":{\"a\":[1,2]}"), true),
                Arguments.of(GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":null"), false),
                Arguments.of(GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":1"), false),
                Arguments.of(GO_STYLE.replace("\"user\":\"robot_12\"", "\"user\":\"\\x\""), false),
                Arguments.of(GO_STYLE + "x", false),
                Arguments.of(GO_STYLE.replace("}", ",}"), false),
                Arguments.of(GO_STYLE.substring(0, GO_STYLE.length() - 1), false),
                Arguments.of("{}", false),
                Arguments.of("[]", false),
                Arguments.of("", false));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void readsMediamtxBodiesAndRefusesMalformedOnes(String text, boolean wellFormed) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (wellFormed) {
            assertThat(requests.fromJson(body).action()).isEqualTo(AuthAction.PUBLISH);
        } else {
            assertThatThrownBy(() -> requests.fromJson(body)).isInstanceOf(MalformedAuthRequestException.class);
        }
    }

    @Test
    void decodesGoEscapesInTheQuery() {
        AuthRequest request = requests.fromJson(GO_STYLE.getBytes(StandardCharsets.UTF_8));
        assertThat(request.query()).isEqualTo("user=robot_12&pass=K");
        assertThat(Credentials.candidates(request)).containsExactly("K");
    }
}
