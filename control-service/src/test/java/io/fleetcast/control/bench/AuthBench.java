package io.fleetcast.control.bench;

import io.fleetcast.control.ControlConfig;
import io.fleetcast.control.ControlServer;
import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.robot.CreatedRobot;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.user.Role;
import io.fleetcast.control.user.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Throughput and latency of {@code POST /internal/auth} against an empty handler on the same
 * server, in the same run, with the same request bodies and the same keep-alive clients. The
 * mix is half robot publishes (RTMP user/pass with the stream key, as MediaMTX forwards them) and
 * half WebRTC reads by granted viewers with a bearer token, encoded as MediaMTX (Go) encodes them
 * ({@code &} in the query as {@code \u0026}). Both targets are on the internal listener, where
 * MediaMTX calls the webhook. With {@code BENCH_NEW_CONNECTIONS=true} every request opens its own
 * TCP connection and asks the server to close it (MediaMTX's pattern: its HTTP client does not
 * keep the connection to the webhook), and the latency includes the connect. Prints a table, then
 * one JSON line.
 */
public final class AuthBench {
    private static final int ROBOTS = 10;
    private static final String EMPTY = "/internal/bench-empty";

    private AuthBench() {
    }

    public static void main(String[] args) throws Exception {
        int connections = intArg(args, "--connections", 4);
        int seconds = intArg(args, "--seconds", 2);
        int rounds = intArg(args, "--rounds", 5);
        int warmup = intArg(args, "--warmup", 6);
        boolean newConnections = Boolean.parseBoolean(System.getenv().getOrDefault("BENCH_NEW_CONNECTIONS", "false"));
        Path data = Files.createTempDirectory("fleetcast-bench");
        ControlConfig config = ControlConfig.fromEnv(Map.of("CONTROL_HOST", "127.0.0.1", "CONTROL_PORT", "0",
                "CONTROL_INTERNAL_PORT", "0", "FLEETCAST_DATA_DIR", data.toString()));
        try (ControlServer server = ControlServer.start(config, new OwnerDrivesPlayroom(),
                routing -> routing.post(EMPTY, (req, res) -> res.send()))) {
            List<String> bodies = seed(server);
            List<byte[]> auth = requests("/internal/auth", bodies, newConnections);
            List<byte[]> empty = requests(EMPTY, bodies, newConnections);
            int port = server.internalPort();
            check(port, auth);
            CpuMeter cpu = new CpuMeter(data.resolve("postgres"));
            Segment auths = new Segment(port, auth, connections, newConnections, cpu);
            Segment empties = new Segment(port, empty, connections, newConnections, cpu);

            auths.run(warmup * 1000L);
            empties.run(warmup * 500L);
            Sample authSample = Sample.empty();
            Sample emptySample = Sample.empty();
            for (int round = 0; round < rounds; round++) {
                emptySample = emptySample.then(empties.run(seconds * 1000L));
                authSample = authSample.then(auths.run(seconds * 1000L));
            }
            report(authSample, emptySample, connections, seconds * rounds, newConnections);
        } finally {
            deleteQuietly(data);
        }
    }

    private static List<String> seed(ControlServer server) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < ROBOTS; i++) {
            User owner = server.users().create("owner" + i, "bench-password-" + i, Role.USER);
            User viewer = server.users().create("viewer" + i, "bench-password-" + i, Role.USER);
            CreatedRobot robot = server.robots().create(owner.id(), "robot " + i, RobotKind.PRIVATE);
            server.permissions().grant(robot.robot().id(), viewer.id(), Permission.VIEW);
            String path = robot.robot().path();
            String key = robot.streamKey();
            String token = server.tokens().issue(viewer).token();
            bodies.add(body("10.0.1." + (i + 1), path, key, key, "publish", path, "rtmp", "\"" + UUID.randomUUID() + "\"",
                    "user=" + path + "\\u0026pass=" + key));
            bodies.add(body("10.0.2." + (i + 1), "", "", token, "read", path, "webrtc", "\"" + UUID.randomUUID() + "\"", ""));
        }
        return bodies;
    }

    private static String body(String ip, String user, String password, String token, String action, String path,
                               String protocol, String id, String query) {
        return "{\"ip\":\"" + ip + "\",\"user\":\"" + user + "\",\"password\":\"" + password + "\",\"token\":\"" + token
                + "\",\"action\":\"" + action + "\",\"path\":\"" + path + "\",\"protocol\":\"" + protocol + "\",\"id\":"
                + id + ",\"query\":\"" + query + "\",\"userAgent\":\"\"}";
    }

    private static List<byte[]> requests(String target, List<String> bodies, boolean close) {
        return bodies.stream().map(body -> {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (close ? "Connection: close\r\n" : "") + "Content-Length: " + content.length + "\r\n\r\n";
            byte[] request = new byte[head.length() + content.length];
            System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
            System.arraycopy(content, 0, request, head.length(), content.length);
            return request;
        }).toList();
    }

    /** Every prepared auth request must be allowed, or the benchmark would measure denials. */
    private static void check(int port, List<byte[]> auth) throws IOException {
        for (byte[] request : auth) {
            try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
                int status = connection.exchange(request);
                if (status != 200) {
                    throw new IllegalStateException("seeded auth request answered " + status);
                }
            }
        }
    }

    private static void report(Sample auth, Sample empty, int connections, int seconds, boolean newConnections) {
        double ratio = auth.rps() / empty.rps();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-7s %10s %10s %9s %9s %9s %8s %12s %11s%n", "target", "requests", "req/s",
                "p50 ms", "p90 ms", "p99 ms", "non-200", "jvm cpu us/r", "pg cpu us/r");
        line("empty", empty);
        line("auth", auth);
        System.out.printf(Locale.ROOT, "ratio auth/empty: %.3f (target >= 0.8); auth p99: %.3f ms (target <= 5)%n",
                ratio, auth.percentileMillis(99));
        System.out.printf(Locale.ROOT, "%d %s, %d s measured per target, %d cores%n", connections,
                newConnections ? "clients opening a new connection per request" : "keep-alive connections", seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "{\"authRps\":%.1f,\"emptyRps\":%.1f,\"ratio\":%.3f,\"authP50Ms\":%.3f,"
                        + "\"authP99Ms\":%.3f,\"emptyP50Ms\":%.3f,\"emptyP99Ms\":%.3f,\"authErrors\":%d,"
                        + "\"authCpuUsPerReq\":%.1f,\"emptyCpuUsPerReq\":%.1f,"
                        + "\"connections\":%d,\"newConnections\":%b,\"secondsPerTarget\":%d,\"cores\":%d}%n",
                auth.rps(), empty.rps(), ratio, auth.percentileMillis(50), auth.percentileMillis(99),
                empty.percentileMillis(50), empty.percentileMillis(99), auth.errors(),
                auth.jvmCpuMicrosPerRequest() + auth.postgresCpuMicrosPerRequest(),
                empty.jvmCpuMicrosPerRequest() + empty.postgresCpuMicrosPerRequest(), connections, newConnections, seconds,
                Runtime.getRuntime().availableProcessors());
    }

    private static void line(String name, Sample s) {
        System.out.printf(Locale.ROOT, "%-7s %10d %10.1f %9.3f %9.3f %9.3f %8d %12.1f %11.1f%n", name, s.requests(),
                s.rps(), s.percentileMillis(50), s.percentileMillis(90), s.percentileMillis(99), s.errors(),
                s.jvmCpuMicrosPerRequest(), s.postgresCpuMicrosPerRequest());
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
