package io.fleetcast.control.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden examples (shared with the robot observer) against the codec, and against
 * PROTOCOL.md: every example in the document is a golden one and the other way round.
 */
class GoldenExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MessageCodec codec = new MessageCodec();

    static List<JsonNode> golden() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = GoldenExamplesTest.class.getResourceAsStream("/protocol/golden.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    static Stream<JsonNode> validExamples() throws IOException {
        return golden().stream().filter(example -> example.has("frame"));
    }

    static Stream<JsonNode> invalidExamples() throws IOException {
        return golden().stream().filter(example -> example.has("invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void validExampleDecodesAndEncodesToTheSameFrame(JsonNode example) throws IOException {
        String frame = JSON.writeValueAsString(example.get("frame"));
        Message message = codec.decode(frame);
        assertThat(message.type()).isEqualTo(example.get("frame").get("type").asText());
        assertThat(JSON.readTree(codec.encode(message))).isEqualTo(example.get("frame"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExampleIsRefusedWithItsCode(JsonNode example) {
        assertThatThrownBy(() -> codec.decode(example.get("invalid").asText()))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(example.get("code").asText()));
    }

    @Test
    void everyMessageTypeHasAnExample() throws IOException {
        Set<Class<?>> covered = new HashSet<>();
        validExamples().forEach(example -> covered.add(
                codec.decode(example.get("frame").toString()).getClass()));
        assertThat(covered).containsExactlyInAnyOrder(Message.class.getPermittedSubclasses());
    }

    @Test
    void documentShowsExactlyTheGoldenExamples() throws IOException {
        String doc = Files.readString(Path.of("PROTOCOL.md"));
        Set<JsonNode> documented = new HashSet<>();
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                documented.add(JSON.readTree(line));
            }
        }
        Set<JsonNode> frames = new HashSet<>();
        validExamples().forEach(example -> frames.add(example.get("frame")));
        assertThat(documented).isEqualTo(frames);
        invalidExamples().forEach(example ->
                assertThat(doc).contains("`" + example.get("invalid").asText() + "`"));
    }
}
