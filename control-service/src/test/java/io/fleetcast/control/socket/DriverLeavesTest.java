package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A driver's socket that ends, however it ends, leaves the robot stopped: the last thing the
 * robot hears from that socket is {@code stop} (reason {@code driver_left}), never a command
 * that slipped past it. The sockets close from both sides, many times: the client closing, the
 * client vanishing, and the server closing (too many refused frames, 1008) while commands are
 * still arriving behind the frame that closed it; the server's close runs on the socket's writer
 * thread, concurrently with the reader that forwards commands.
 */
@ExtendWith(StoresExtension.class)
class DriverLeavesTest {
    private static final int ROUNDS = 30;
    private static final String BAD = "{nope";

    @Test
    void everyDepartureIsFollowedByAStopAndNoCommandOvertakesIt(TestStores stores) {
        SocketSettings settings = SocketSettings.defaults().withCommandRate(10_000, 10_000);
        try (Fleet fleet = new Fleet(stores, settings, QueueSettings.defaults());
             Probe robot = fleet.robot(fleet.a, Fleet.PRIVATE)) {
            for (int round = 0; round < ROUNDS; round++) {
                Probe owner = fleet.user(fleet.a, Fleet.PRIVATE, "owner-token");
                int first = round * 100;
                owner.send(command(first));
                switch (round % 3) {
                    case 0 -> owner.socket().sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
                    case 1 -> owner.socket().abort();
                    default -> {
                        for (int i = 0; i <= settings.abuseLimit(); i++) {
                            sendWhileOpen(owner, BAD);
                        }
                        for (int i = 1; i <= 5; i++) {
                            sendWhileOpen(owner, command(first + i));
                        }
                    }
                }
                JsonNode stop = robot.awaitFrame(DriverLeavesTest::isStop, "stop after round " + round,
                        Duration.ofSeconds(3));
                assertThat(stop.path("args").path("reason").asText()).isEqualTo("driver_left");
                List<JsonNode> after = robot.drain(Duration.ofMillis(120));
                assertThat(after).as("round %d (mode %d): nothing reaches the robot after the stop", round, round % 3)
                        .noneMatch(frame -> "command".equals(frame.path("type").asText()));
                owner.close();
            }
        }
    }

    /** One frame at a time (the client allows one pending send); a socket the server closed takes no more. */
    private static void sendWhileOpen(Probe probe, String text) {
        try {
            probe.socket().sendText(text, true).join();
        } catch (CompletionException e) {
            // closed by the server meanwhile: what it had read decides the outcome
        }
    }

    private static boolean isStop(JsonNode frame) {
        return "command".equals(frame.path("type").asText()) && "stop".equals(frame.path("action").asText());
    }

    private static String command(int seq) {
        return "{\"type\":\"command\",\"seq\":" + (seq + 1) + ",\"action\":\"go\",\"args\":{\"x\":1}}";
    }
}
