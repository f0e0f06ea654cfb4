package io.fleetcast.observer.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The robot's frames against the protocol's golden file, which the server's tests also read. */
class FramesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Path.of("../control-service/src/main/resources/protocol/golden.jsonl");
    private static Map<String, JsonNode> golden;

    @BeforeAll
    static void readGolden() throws IOException {
        golden = new HashMap<>();
        for (String line : Files.readAllLines(GOLDEN)) {
            if (!line.isBlank()) {
                JsonNode entry = JSON.readTree(line);
                golden.put(entry.path("name").asText(), entry.path("frame"));
            }
        }
    }

    private static String text(String name) {
        assertThat(golden).as("golden.jsonl entry '%s'", name).containsKey(name);
        return golden.get(name).toString();
    }

    private static void assertEncodes(ObjectNode frame, String name) throws IOException {
        // Compared as it goes on the wire: numbers re-read as the golden file's numbers are.
        assertThat(JSON.readTree(Frames.text(frame))).isEqualTo(golden.get(name));
    }

    @Test
    void decodesWelcomeToARobot() {
        assertThat(Frames.decode(text("welcome to a robot")))
                .isEqualTo(new WelcomeFrame(1, 12, "private", "robot", true));
    }

    @Test
    void decodesRelayedCommandWithItsUser() {
        CommandFrame frame = (CommandFrame) Frames.decode(text("command relayed to the robot"));
        RobotCommand command = frame.command();
        assertThat(command.action()).isEqualTo("move");
        assertThat(command.seq()).isEqualTo(17);
        assertThat(command.user()).isEqualTo(3);
        assertThat(command.args().path("linear").asDouble()).isEqualTo(0.4);
        assertThat(command.args().path("angular").asDouble()).isEqualTo(-0.1);
        assertThat(command.setsInMotion()).isTrue();
    }

    @Test
    void decodesServerStopWithoutUser() {
        RobotCommand stop = ((CommandFrame) Frames.decode(text("stop when the driver changes or leaves"))).command();
        assertThat(stop.isStop()).isTrue();
        assertThat(stop.seq()).isZero();
        assertThat(stop.user()).isNull();
        assertThat(stop.args().path("reason").asText()).isEqualTo("turn_ended");
    }

    @Test
    void decodesQualityCapPinAndAuto() {
        assertThat(List.of(Frames.decode(text("quality cap")), Frames.decode(text("quality pin")),
                Frames.decode(text("quality back to automatic"))))
                .containsExactly(new QualityFrame(Limits.cap(QualityState.MEDIUM)),
                        new QualityFrame(Limits.pin(QualityState.LOW)), new QualityFrame(Limits.NONE));
    }

    @Test
    void decodesErrorFrames() {
        assertThat(Frames.decode(text("not the driver")))
                .isEqualTo(new ErrorFrame("not_driver", "only the current driver sends commands", 17L));
        assertThat(Frames.decode(text("malformed JSON"))).isEqualTo(new ErrorFrame("bad_json", "not valid JSON", null));
    }

    @Test
    void toleratesFramesARobotDoesNotUse() {
        assertThat(Frames.decode(text("robot online"))).isEqualTo(new OtherFrame("presence"));
        assertThat(Frames.decode(text("empty queue"))).isEqualTo(new OtherFrame("queue"));
    }

    @Test
    void refusesMalformedServerFrames() {
        assertThatThrownBy(() -> Frames.decode("{\"type\":\"command\",")).isInstanceOf(FrameException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> Frames.decode("{\"type\":\"quality\",\"mode\":\"pin\",\"state\":\"4K\"}"))
                .isInstanceOf(FrameException.class).hasMessageContaining("4K");
        assertThatThrownBy(() -> Frames.decode("{\"type\":\"command\",\"seq\":5,\"action\":\"turn left\"}"))
                .isInstanceOf(FrameException.class).hasMessageContaining("turn left");
    }

    @Test
    void encodesHello() throws IOException {
        assertEncodes(Frames.hello(), "hello");
    }

    @Test
    void encodesAckAndNegativeAck() throws IOException {
        assertEncodes(Frames.ack(17, 3, true, null), "ack from the robot");
        assertEncodes(Frames.ack(18, 3, false, "obstacle ahead"), "negative ack");
    }

    @Test
    void encodesState() throws IOException {
        ObjectNode data = (ObjectNode) golden.get("state from the robot").get("data").deepCopy();
        assertEncodes(Frames.state(1732150000123L, data), "state from the robot");
    }

    @Test
    void encodesMetrics() throws IOException {
        StreamMetrics metrics = new StreamMetrics(3900, 48, 0.4, 12000, QualityState.MEDIUM, 2300);
        assertEncodes(Frames.metrics(1732150000200L, metrics), "metrics from the robot");
    }
}
