package io.fleetcast.observer.robot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.observer.control.RobotCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stdio and Unix-socket bridges against the other end a robot's software would hold. */
class LineBridgesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stdioWritesCommandLinesAndReadsStateLines() throws Exception {
        PipedInputStream robotReads = new PipedInputStream();
        PipedOutputStream robotWrites = new PipedOutputStream();
        var states = new LinkedBlockingQueue<ObjectNode>();
        try (LineBridge bridge = new LineBridge(new PipedInputStream(robotWrites), new PipedOutputStream(robotReads))) {
            bridge.onState(states::add);
            bridge.send(new RobotCommand("move", (ObjectNode) JSON.readTree("{\"linear\":0.4,\"angular\":-0.1}"), 17L, 3L));
            String line = new BufferedReader(new InputStreamReader(robotReads, StandardCharsets.UTF_8)).readLine();
            assertThat(JSON.readTree(line)).isEqualTo(JSON.readTree(
                    "{\"action\":\"move\",\"args\":{\"linear\":0.4,\"angular\":-0.1},\"seq\":17,\"user\":3}"));
            robotWrites.write("not json\n{\"battery\":0.8}\n".getBytes(StandardCharsets.UTF_8));
            robotWrites.flush();
            assertThat(states.poll(2, TimeUnit.SECONDS).path("battery").asDouble()).isEqualTo(0.8);
        }
    }

    @Test
    void unixSocketCarriesLinesBothWays(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("robot.sock");
        var states = new LinkedBlockingQueue<ObjectNode>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            try (LineBridge bridge = UnixSocketBridge.connect(path); SocketChannel robot = server.accept()) {
                bridge.onState(states::add);
                bridge.send(RobotCommand.stop("deadman"));
                String line = new BufferedReader(new InputStreamReader(Channels.newInputStream(robot),
                        StandardCharsets.UTF_8)).readLine();
                assertThat(JSON.readTree(line)).isEqualTo(JSON.readTree("{\"action\":\"stop\",\"args\":{\"reason\":\"deadman\"}}"));
                robot.write(ByteBuffer.wrap("{\"moving\":false}\n".getBytes(StandardCharsets.UTF_8)));
                assertThat(states.poll(2, TimeUnit.SECONDS).path("moving").isBoolean()).isTrue();
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
