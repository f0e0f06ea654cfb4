package io.fleetcast.control.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.store.PostgresTarget;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands against the same database and Redis as a running service. */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCliTest {
    private static final Pattern KEY = Pattern.compile("stream key \\(shown once\\): (\\S+)");
    private static final Pattern ROBOT = Pattern.compile("created robot (\\d+)");
    private static final Pattern MEDIA_KEY = Pattern.compile("added media key (\\S+)");

    private TestServer server;
    private Map<String, String> env;

    @BeforeAll
    void start(TestStores stores) {
        PostgresTarget db = stores.freshDatabase();
        server = TestServer.onDatabase(stores, db, Map.of("ACCESS_CACHE_TTL_SECONDS", "3600"), new OwnerDrivesPlayroom());
        env = new HashMap<>();
        env.put("POSTGRES_URL", db.jdbcUrl());
        env.put("POSTGRES_USER", db.user());
        env.put("POSTGRES_PASSWORD", db.password());
        env.put("REDIS_URL", stores.redisUri().toString());
        env.put("TOKEN_SECRET", TestServer.SECRET);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void createUserPrintsAGeneratedPasswordThatLogsIn() {
        Run run = run("", "create-user", "alice");
        assertThat(run.status()).isZero();
        Matcher password = Pattern.compile("password \\(shown once\\): (\\S+)").matcher(run.out());
        assertThat(password.find()).isTrue();
        assertThat(server.client().login("alice", password.group(1)).token()).isNotEmpty();
    }

    @Test
    void createUserReadsThePasswordFromStdin() {
        Run run = run("from-stdin-pw\n", "create-user", "ops", "--role", "operator", "--password-stdin");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("(operator)").doesNotContain("from-stdin-pw");
        assertThat(server.client().login("ops", "from-stdin-pw").token()).isNotEmpty();
    }

    @Test
    void createRobotGrantAndRotateKeyWorkOnTheRunningService() throws Exception {
        run("owner-password\n", "create-user", "owner", "--password-stdin");
        run("viewer-password\n", "create-user", "viewer", "--password-stdin");
        Run created = run("", "create-robot", "--owner", "owner", "--name", "rover");
        assertThat(created.status()).isZero();
        long robot = Long.parseLong(find(ROBOT, created.out()));
        String key = find(KEY, created.out());
        assertThat(created.out()).contains("path: robot_" + robot);
        assertThat(publish(robot, key)).isEqualTo(200);

        String viewer = server.client().login("viewer", "viewer-password").token();
        assertThat(read(robot, viewer)).isEqualTo(403);
        assertThat(run("", "grant", "--robot", Long.toString(robot), "--user", "viewer", "--permission", "view").status())
                .isZero();
        await(() -> read(robot, viewer), 200);

        Run rotated = run("", "rotate-key", "--robot", Long.toString(robot));
        assertThat(rotated.status()).isZero();
        String newKey = find(KEY, rotated.out());
        await(() -> publish(robot, key), 403);
        assertThat(publish(robot, newKey)).isEqualTo(200);

        assertThat(run("", "revoke", "--robot", Long.toString(robot), "--user", "viewer", "--permission", "view")
                .status()).isZero();
        await(() -> read(robot, viewer), 403);
    }

    @Test
    void createsThePlayroomRobot() {
        run("keeper-password\n", "create-user", "keeper", "--password-stdin");
        Run created = run("", "create-robot", "--owner", "keeper", "--playroom");
        assertThat(created.status()).isZero();
        assertThat(created.out()).contains("(playroom)").contains("path: playroom");
        assertThat(run("", "create-robot", "--owner", "keeper", "--playroom").status()).isEqualTo(1);
    }

    @Test
    void issuesATokenTheServiceAccepts() {
        run("bridge-password\n", "create-user", "bridge", "--role", "operator", "--password-stdin");
        Run issued = run("", "issue-token", "--user", "bridge", "--ttl-minutes", "60");
        assertThat(issued.status()).isZero();
        String token = issued.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(server.server().tokens().verify(token)).hasValueSatisfying(p -> assertThat(p.isOperator()).isTrue());
    }

    @Test
    void disableUserStopsTheRunningServicesTokensAndEnableUserLetsThemBackIn() throws Exception {
        run("nina-password\n", "create-user", "nina", "--password-stdin");
        String token = server.client().login("nina", "nina-password").token();
        assertThat(server.client().get("/api/me", token).status()).isEqualTo(200);

        Run disabled = run("", "disable-user", "nina");
        assertThat(disabled.status()).as(disabled.err()).isZero();
        assertThat(disabled.out()).contains("disabled user");
        // The service caches the account for an hour: only the published change can do this.
        await(() -> server.client().get("/api/me", token).status(), 401);
        assertThat(server.client().post("/api/login", Map.of("name", "nina", "password", "nina-password"), null)
                .status()).isEqualTo(403);

        assertThat(run("", "enable-user", "nina").status()).isZero();
        assertThat(server.client().login("nina", "nina-password").token()).isNotEmpty();
        assertThat(run("", "disable-user", "nobody").status()).isEqualTo(1);
        assertThat(run("", "disable-user").status()).isEqualTo(2);
    }

    @Test
    void explainsMistakesWithAnExitStatus() {
        assertThat(run("", "launch-rockets").status()).isEqualTo(2);
        assertThat(run("", "create-robot").err()).contains("--owner is required");
        assertThat(run("", "create-robot", "--owner", "nobody").status()).isEqualTo(1);
        assertThat(run("", "grant", "--robot", "abc", "--user", "x", "--permission", "view").err())
                .contains("--robot must be a whole number, got 'abc'");
        assertThat(run("", "grant", "--robot", "0", "--user", "x", "--permission", "view").err())
                .contains("--robot must be >= 1, got 0");
        assertThat(run("", "rotate-key", "--robto", "7").err()).contains("unknown option --robto");
        assertThat(run("", "rotate-key", "--robot", "999999").status()).isEqualTo(1);
        assertThat(run("", "create-user").status()).isEqualTo(2);
        assertThat(run("", "help").out()).contains("create-robot --owner USER");
    }

    @Test
    void addsMediaKeysKeepingTheNewestTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        String first = find(MEDIA_KEY, run("", "add-media-key", "--file", file.toString()).out());
        String second = find(MEDIA_KEY, run("", "add-media-key", "--file", file.toString()).out());
        String third = find(MEDIA_KEY, run("", "add-media-key", "--file", file.toString()).out());
        String keys = Files.readString(file);
        assertThat(keys).contains(second, third).doesNotContain(first);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(run("", "add-media-key").err()).contains("--file is required");

        Map<String, String> jwt = new HashMap<>(env);
        jwt.put("MEDIA_JWT_KEYS_FILE", file.toString());
        Run issued = run(jwt, "issue-media-token", "--action", "read", "--path", "playroom", "--ttl-minutes", "60");
        assertThat(issued.status()).as(issued.err()).isZero();
        com.nimbusds.jwt.SignedJWT token = com.nimbusds.jwt.SignedJWT.parse(issued.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(token.getHeader().getKeyID()).isEqualTo(second);
        assertThat(token.getJWTClaimsSet().getClaim("mediamtx_permissions"))
                .isEqualTo(java.util.List.of(Map.of("action", "read", "path", "playroom")));
        assertThat(run(jwt, "issue-media-token", "--action", "delete", "--path", "playroom").err())
                .contains("not delete");
    }

    private Run run(Map<String, String> environment, String... args) {
        Map<String, String> saved = env;
        env = environment;
        try {
            return run("", args);
        } finally {
            env = saved;
        }
    }

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new AdminCli(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private int publish(long robot, String key) {
        return server.internal().post("/internal/auth", MediaMtxBody.of("publish", "robot_" + robot, "rtmp").ip("203.0.113.40").token(key)
                .toMap(), null).status();
    }

    private int read(long robot, String token) {
        return server.internal().post("/internal/auth", MediaMtxBody.of("read", "robot_" + robot, "webrtc").ip("203.0.113.40").token(token)
                .toMap(), null).status();
    }

    private static void await(IntSupplier call, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status = call.getAsInt();
        while (status != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = call.getAsInt();
        }
        assertThat(status).isEqualTo(expected);
    }


    private record Run(int status, String out, String err) {
    }
}
