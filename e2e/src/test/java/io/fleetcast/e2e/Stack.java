package io.fleetcast.e2e;

import io.fleetcast.stack.AdminCommand;
import io.fleetcast.stack.ControlApi;
import io.fleetcast.stack.ProcessGroup;
import io.fleetcast.stack.Repository;
import io.fleetcast.stack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole product on this machine as real processes: the control service (its embedded
 * PostgreSQL and Redis), nginx-rtmp as the media gateway, the bridge reading the playroom
 * from the gateway into an HLS ladder, and two robot observers with synthetic cameras: the
 * playroom robot (its synthetic robot drawn in its video) and Alice's private robot, whose
 * commands go over UDP to {@link #robotCommands()} (the test plays that robot's software).
 * Accounts come from the admin command line (the operator, the playroom robot) and the
 * public API (Alice, Bob, Alice's robot), as a person would make them.
 */
final class Stack implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    static final double SEGMENT_SECONDS = 1.0;

    private final Path dir;
    private final ProcessGroup parts = new ProcessGroup();
    private final Map<String, String> controlEnv = new HashMap<>();
    private final ControlApi api;
    private final Gateway gateway;
    private final DatagramSocket robotCommands;
    private final ControlApi.User alice;
    private final ControlApi.User bob;
    private final ControlApi.Robot rover;
    private final long playroomId;
    private final String playroomKey;
    private final ServiceProcess bridge;

    Stack(Path dir) {
        this.dir = dir;
        try {
            int controlPort = Repository.freePort();
            int internalPort = Repository.freePort();
            controlEnv.putAll(Map.of("FLEETCAST_DATA_DIR", dir.resolve("control").toString(),
                    "CONTROL_HOST", "127.0.0.1", "CONTROL_PORT", Integer.toString(controlPort),
                    "CONTROL_INTERNAL_PORT", Integer.toString(internalPort),
                    "CONTROL_QUEUE_TURN_SECONDS", "20", "CONTROL_QUEUE_READY_SECONDS", "10"));
            ServiceProcess control = add(ServiceProcess.jar("control-service", "control", controlEnv, logs()));
            control.awaitLog(line -> line.contains("control service listening"), Duration.ofSeconds(90),
                    "start (embedded PostgreSQL and Redis)");
            api = new ControlApi(URI.create("http://127.0.0.1:" + controlPort));
            // Not among the logs: what the admin command prints (a password, a stream key) is for the operator.
            AdminCommand admin = new AdminCommand(controlEnv, dir.resolve("admin"));
            admin.createUser("op", "operator");
            ControlApi.Robot playroom = admin.createPlayroom("op");
            playroomId = playroom.id();
            playroomKey = playroom.streamKey();
            alice = api.signUp("alice", PASSWORD);
            bob = api.signUp("bob", PASSWORD);
            rover = api.createRobot(alice, "rover", "private");

            gateway = add(new Gateway(dir, "http://127.0.0.1:" + internalPort));
            bridge = add(ServiceProcess.jar("bridge-service", "bridge", bridgeEnv(), logs()));
            bridge.awaitLog(line -> line.contains("bridge started"), Duration.ofSeconds(60), "start");
            add(ServiceProcess.jar("robot-observer", "playroom-robot", observerEnv(playroomId, playroomKey, "playroom",
                    "synthetic:640x360@30", "synthetic"), logs()));
            robotCommands = add(new DatagramSocket(0));
            robotCommands.setSoTimeout(3000);
            add(ServiceProcess.jar("robot-observer", "rover", observerEnv(rover.id(), rover.streamKey(), rover.path(),
                    "synthetic:320x180@15", "udp://127.0.0.1:" + robotCommands.getLocalPort()), logs()));
        } catch (RuntimeException | SocketException e) {
            close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    ControlApi api() {
        return api;
    }

    Gateway gateway() {
        return gateway;
    }

    ControlApi.User alice() {
        return alice;
    }

    ControlApi.User bob() {
        return bob;
    }

    ControlApi.Robot rover() {
        return rover;
    }

    long playroomId() {
        return playroomId;
    }

    String playroomKey() {
        return playroomKey;
    }

    DatagramSocket robotCommands() {
        return robotCommands;
    }

    /** The bridge's HLS media playlist of one rung ("360p"). */
    Path hlsPlaylist(String rung) {
        return dir.resolve("hls").resolve(rung).resolve("index.m3u8");
    }

    Path hlsMaster() {
        return dir.resolve("hls").resolve("master.m3u8");
    }

    /** Waits until the bridge has published the playroom's ladder (the robot is on and its pictures flow). */
    void awaitPlayroomLive(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(hlsMaster())) {
            if (System.nanoTime() > until) {
                throw new AssertionError("no HLS ladder within " + timeout + "; the bridge said:\n" + bridge.tail());
            }
            ServiceProcess.sleep(200);
        }
    }

    /** Every log line every process wrote, for the secrets check. */
    String allLogs() {
        StringBuilder text = new StringBuilder(gateway == null ? "" : gateway.logs());
        try (var files = Files.list(logs())) {
            for (Path file : files.toList()) {
                text.append(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private Map<String, String> bridgeEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("AUTOSTART_INPUT_URL", gateway.playUrl("playroom"));
        env.put("HLS_DIR", dir.resolve("hls").toString());
        env.put("HLS_SEGMENT_SECONDS", Double.toString(SEGMENT_SECONDS));
        env.put("GOP_SECONDS", Double.toString(SEGMENT_SECONDS));
        env.put("LADDER", "360p:700k,240p:300k");
        env.put("ENCODERS", "libx264");
        env.put("X264_PRESET", "ultrafast");
        env.put("API_PORT", Integer.toString(Repository.freePort()));
        env.put("AUDIO_PORT", Integer.toString(Repository.freePort()));
        env.put("BRIDGE_API_TOKEN", "e2e-bridge-api-token-0123456789");
        return env;
    }

    private Map<String, String> observerEnv(long robotId, String key, String path, String camera, String link) {
        Map<String, String> env = new HashMap<>();
        env.put("ROBOT_ID", Long.toString(robotId));
        env.put("STREAM_KEY", key);
        env.put("PUSH_PATH", path);
        env.put("GATEWAY_URL", gateway.publishBase());
        env.put("CONTROL_URL", api.base().toString());
        env.put("CAMERAS", camera);
        env.put("ROBOT_LINK", link);
        env.put("QUALITY_CAP", "LOW");
        env.put("X264_PRESET", "ultrafast");
        env.put("GOP_SECONDS", "1");
        return env;
    }

    private Path logs() {
        return dir.resolve("logs");
    }

    private <T extends AutoCloseable> T add(T part) {
        return parts.add(part);
    }

    /** Stops every process, the last started first. */
    @Override
    public void close() {
        parts.close();
    }
}
