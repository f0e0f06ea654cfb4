package io.fleetcast.control.auth;

import static io.fleetcast.control.auth.Credential.BEARER;
import static io.fleetcast.control.auth.Credential.NONE;
import static io.fleetcast.control.auth.Credential.PASSWORD_ONLY;
import static io.fleetcast.control.auth.Credential.QUERY_ONLY;
import static io.fleetcast.control.auth.Credential.QUERY_TOKEN_ONLY;
import static io.fleetcast.control.auth.Credential.RTMP_USER_PASS;
import static io.fleetcast.control.auth.Credential.TOKEN_QUERY;
import static io.fleetcast.control.auth.Credential.USER_PASS_COPIED;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.robot.CreatedRobot;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestClient.Session;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.control.token.TokenCheck;
import io.fleetcast.control.token.Tokens;
import io.fleetcast.control.user.Role;
import io.fleetcast.control.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every row of the auth decision table (module README), posted as exact MediaMTX bodies to a
 * running server. Each row comes from its own client address so the failure limit never
 * interferes.
 */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthTableTest {
    private static final List<String> READ_PROTOCOLS = List.of("webrtc", "hls", "rtsp", "rtmp", "srt");
    private static final List<String> PUBLISH_PROTOCOLS = List.of("rtmp", "rtsp", "srt", "webrtc");

    private final AtomicInteger addresses = new AtomicInteger();
    private TestServer server;
    private TestClient client;
    private Session owner;
    private Session viewer;
    private Session driver;
    private Session stranger;
    private Session keeper;
    private Session operator;
    private String expired;
    private String forged;
    private TestClient.NewRobot robot;
    private CreatedRobot playroom;

    @BeforeAll
    void start(TestStores stores) {
        server = TestServer.start(stores);
        client = server.client();
        owner = client.signUp("owner");
        viewer = client.signUp("viewer");
        driver = client.signUp("driver");
        stranger = client.signUp("stranger");
        keeper = client.signUp("keeper");
        User op = server.server().users().create("operator", "password-operator", Role.OPERATOR);
        operator = client.login(op.name(), "password-operator");
        robot = client.createRobot(owner, "rover", "private");
        server.server().permissions().grant(robot.id(), viewer.userId(), Permission.VIEW);
        server.server().permissions().grant(robot.id(), driver.userId(), Permission.DRIVE);
        playroom = server.server().robots().create(keeper.userId(), "playroom bot", RobotKind.PLAYROOM);
        byte[] secret = TestServer.SECRET.getBytes(StandardCharsets.UTF_8);
        User ownerUser = server.server().users().byId(owner.userId()).orElseThrow();
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC);
        expired = new Tokens(secret, Duration.ofHours(1), past, TokenCheck.NONE).issue(ownerUser).token();
        forged = new Tokens("another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(1), Clock.systemUTC(), TokenCheck.NONE).issue(ownerUser).token();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> publishRobotPathOnlyWithThatRobotsKey() {
        List<DynamicTest> rows = new ArrayList<>();
        String path = robot.path();
        for (String protocol : PUBLISH_PROTOCOLS) {
            for (Credential form : List.of(RTMP_USER_PASS, USER_PASS_COPIED, PASSWORD_ONLY, BEARER, TOKEN_QUERY, QUERY_ONLY)) {
                rows.add(row("publish", path, protocol, form, robot.streamKey(), 200));
            }
            rows.add(row("publish", path, protocol, RTMP_USER_PASS, "wrong-key-" + robot.streamKey(), 403));
            rows.add(row("publish", path, protocol, RTMP_USER_PASS, playroom.streamKey(), 403));
            rows.add(row("publish", path, protocol, NONE, "", 401));
        }
        rows.add(row("publish", path, "rtmp", BEARER, owner.token(), 403));
        rows.add(row("publish", path, "hls", RTMP_USER_PASS, robot.streamKey(), 403));
        rows.add(row("publish", path, "moq", RTMP_USER_PASS, robot.streamKey(), 403));
        rows.add(row("publish", "robot_999999", "rtmp", RTMP_USER_PASS, robot.streamKey(), 403));
        rows.add(row("publish", "robot_0" + robot.id(), "rtmp", RTMP_USER_PASS, robot.streamKey(), 403));
        return rows.stream();
    }

    @TestFactory
    Stream<DynamicTest> publishPlayroomOnlyWithThePlayroomRobotsKey() {
        List<DynamicTest> rows = new ArrayList<>();
        for (String protocol : PUBLISH_PROTOCOLS) {
            for (Credential form : List.of(RTMP_USER_PASS, USER_PASS_COPIED, BEARER, TOKEN_QUERY, QUERY_ONLY)) {
                rows.add(row("publish", "playroom", protocol, form, playroom.streamKey(), 200));
            }
            rows.add(row("publish", "playroom", protocol, RTMP_USER_PASS, robot.streamKey(), 403));
            rows.add(row("publish", "playroom", protocol, NONE, "", 401));
        }
        rows.add(row("publish", "playroom", "rtmp", BEARER, keeper.token(), 403));
        return rows.stream();
    }

    @TestFactory
    Stream<DynamicTest> readRobotPathByOwnerOrGranteeWithToken() {
        List<DynamicTest> rows = new ArrayList<>();
        String path = robot.path();
        for (String protocol : READ_PROTOCOLS) {
            rows.add(row("read", path, protocol, BEARER, owner.token(), 200));
            rows.add(row("read", path, protocol, BEARER, viewer.token(), 200));
            rows.add(row("read", path, protocol, BEARER, driver.token(), 200));
            rows.add(row("read", path, protocol, USER_PASS_COPIED, viewer.token(), 200));
            rows.add(row("read", path, protocol, PASSWORD_ONLY, owner.token(), 200));
            rows.add(row("read", path, protocol, TOKEN_QUERY, owner.token(), 200));
            rows.add(row("read", path, protocol, QUERY_TOKEN_ONLY, owner.token(), 200));
            rows.add(row("read", path, protocol, BEARER, stranger.token(), 403));
            rows.add(row("read", path, protocol, BEARER, operator.token(), 403));
            rows.add(row("read", path, protocol, BEARER, keeper.token(), 403));
            rows.add(row("read", path, protocol, BEARER, expired, 403));
            rows.add(row("read", path, protocol, BEARER, forged, 403));
            rows.add(row("read", path, protocol, RTMP_USER_PASS, robot.streamKey(), 403));
            rows.add(row("read", path, protocol, NONE, "", 401));
        }
        rows.add(row("read", path, "moq", BEARER, owner.token(), 403));
        rows.add(row("read", "robot_999999", "webrtc", BEARER, owner.token(), 403));
        return rows.stream();
    }

    @TestFactory
    Stream<DynamicTest> readPlayroomByAnyoneOverHlsAndByTheDriverOverWebrtc() {
        return Stream.of(
                row("read", "playroom", "hls", NONE, "", 200),
                row("read", "playroom", "hls", BEARER, stranger.token(), 200),
                row("read", "playroom", "hls", BEARER, forged, 200),
                row("read", "playroom", "webrtc", BEARER, keeper.token(), 200),
                row("read", "playroom", "webrtc", QUERY_TOKEN_ONLY, keeper.token(), 200),
                row("read", "playroom", "webrtc", BEARER, stranger.token(), 403),
                row("read", "playroom", "webrtc", BEARER, operator.token(), 403),
                row("read", "playroom", "webrtc", BEARER, expired, 403),
                row("read", "playroom", "webrtc", NONE, "", 401),
                row("read", "playroom", "rtsp", BEARER, operator.token(), 200),
                row("read", "playroom", "rtsp", USER_PASS_COPIED, keeper.token(), 200),
                row("read", "playroom", "rtsp", BEARER, stranger.token(), 403),
                row("read", "playroom", "rtsp", NONE, "", 401),
                row("read", "playroom", "rtmp", BEARER, stranger.token(), 403),
                row("read", "playroom", "srt", BEARER, stranger.token(), 403));
    }

    @TestFactory
    Stream<DynamicTest> playbackByOwnerOrGrantee() {
        return Stream.of(
                row("playback", robot.path(), "", BEARER, owner.token(), 200),
                row("playback", robot.path(), "", BEARER, viewer.token(), 200),
                row("playback", robot.path(), "", USER_PASS_COPIED, driver.token(), 200),
                row("playback", robot.path(), "", BEARER, stranger.token(), 403),
                row("playback", robot.path(), "", BEARER, operator.token(), 403),
                row("playback", robot.path(), "", NONE, "", 401),
                row("playback", "playroom", "", BEARER, keeper.token(), 200),
                row("playback", "playroom", "", BEARER, operator.token(), 200),
                row("playback", "playroom", "", BEARER, stranger.token(), 403),
                row("playback", "elsewhere", "", BEARER, owner.token(), 403));
    }

    @TestFactory
    Stream<DynamicTest> apiAndMetricsNeedAnOperatorToken() {
        return Stream.of(
                row("api", "", "", BEARER, operator.token(), 200),
                row("metrics", "", "", BEARER, operator.token(), 200),
                row("api", "", "", USER_PASS_COPIED, operator.token(), 200),
                row("api", "", "", BEARER, owner.token(), 403),
                row("metrics", "", "", BEARER, keeper.token(), 403),
                row("api", "", "", BEARER, expired, 403),
                row("api", "", "", NONE, "", 401),
                row("metrics", "", "", NONE, "", 401),
                row("pprof", "", "", BEARER, operator.token(), 403));
    }

    @TestFactory
    Stream<DynamicTest> unknownPathsAreDenied() {
        return Stream.of(
                row("publish", "other", "rtmp", RTMP_USER_PASS, robot.streamKey(), 403),
                row("publish", "robot_", "rtmp", RTMP_USER_PASS, robot.streamKey(), 403),
                row("publish", "robot_12abc", "rtmp", RTMP_USER_PASS, robot.streamKey(), 403),
                row("read", "../" + robot.path(), "hls", BEARER, owner.token(), 403),
                row("read", robot.path() + "/../playroom", "webrtc", BEARER, owner.token(), 403),
                row("read", "", "webrtc", BEARER, owner.token(), 403),
                row("read", "Playroom", "hls", NONE, "", 403));
    }

    @TestFactory
    Stream<DynamicTest> malformedBodiesAreDenied() {
        String good = TestClientJson.of(MediaMtxBody.of("read", "playroom", "hls").toMap());
        return Stream.of(
                raw("not json", "{\"ip\":", 400),
                raw("empty body", "", 400),
                raw("array", "[" + good + "]", 400),
                raw("two objects", good + good, 400),
                raw("string", "\"read\"", 400),
                raw("missing action", good.replace("\"action\":\"read\",", ""), 400),
                raw("unknown action", good.replace("\"action\":\"read\"", "\"action\":\"steal\""), 400),
                raw("unknown protocol", good.replace("\"protocol\":\"hls\"", "\"protocol\":\"gopher\""), 400),
                raw("missing ip", good.replace("\"ip\":\"172.18.0.5\",", ""), 400),
                raw("ip not an address", good.replace("172.18.0.5", "<script>"), 400),
                raw("user is a number", good.replace("\"user\":\"\"", "\"user\":5"), 400),
                raw("token is an object", good.replace("\"token\":\"\"", "\"token\":{}"), 400),
                raw("path missing", good.replace("\"path\":\"playroom\",", ""), 400),
                raw("user is null", good.replace("\"user\":\"\"", "\"user\":null"), 400),
                raw("id is a number", good.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":7"), 400),
                raw("oversized", good.replace("\"userAgent\":\"\"", "\"userAgent\":\"" + "x".repeat(40_000) + "\""), 400),
                raw("the well-formed original", good, 200));
    }

    @TestFactory
    Stream<DynamicTest> nginxRtmpOnPublishFormPosts() {
        String base = "app=live&flashver=FMLE%%2F3.0&swfurl=&tcurl=rtmp%%3A%%2F%%2Fhost%%2Flive&pageurl=&addr=%s"
                + "&clientid=1&call=%s&name=%s&type=live&pass=%s";
        return Stream.of(
                form("robot key", base.formatted(nextIp(), "publish", robot.path(), robot.streamKey()), 200),
                form("playroom key", base.formatted(nextIp(), "publish", "playroom", playroom.streamKey()), 200),
                form("wrong key", base.formatted(nextIp(), "publish", robot.path(), "nope"), 403),
                form("other robot's key", base.formatted(nextIp(), "publish", robot.path(), playroom.streamKey()), 403),
                form("no key", base.formatted(nextIp(), "publish", robot.path(), ""), 401),
                form("play call", base.formatted(nextIp(), "play", robot.path(), robot.streamKey()), 400),
                form("no address", base.formatted("", "publish", robot.path(), robot.streamKey()), 400));
    }

    private DynamicTest row(String action, String path, String protocol, Credential form, String secret, int expected) {
        String who = secret.isEmpty() ? "" : " " + describe(secret);
        String name = action + " " + path + " over " + (protocol.isEmpty() ? "-" : protocol) + " with " + form + who
                + " -> " + expected;
        return DynamicTest.dynamicTest(name, () -> {
            MediaMtxBody body = form.apply(MediaMtxBody.of(action, path, protocol).ip(nextIp()), secret);
            TestClient.Reply reply = server.internal().post("/internal/auth", body.toMap(), null);
            assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
        });
    }

    private DynamicTest raw(String name, String body, int expected) {
        return DynamicTest.dynamicTest(name + " -> " + expected, () -> {
            TestClient.Reply reply = server.internal().postRaw("/internal/auth", body, "application/json", null);
            assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
            if (expected >= 400) {
                assertThat(reply.error()).isEqualTo("bad_request");
            }
        });
    }

    private DynamicTest form(String name, String body, int expected) {
        return DynamicTest.dynamicTest("nginx on_publish " + name + " -> " + expected, () -> {
            TestClient.Reply reply = server.internal().postRaw("/internal/auth", body, "application/x-www-form-urlencoded", null);
            assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
        });
    }

    private String describe(String secret) {
        if (secret.equals(robot.streamKey())) {
            return "robot key";
        }
        if (secret.equals(playroom.streamKey())) {
            return "playroom key";
        }
        for (Session s : List.of(owner, viewer, driver, stranger, keeper, operator)) {
            if (secret.equals(s.token())) {
                return s.name() + " token";
            }
        }
        return secret.equals(expired) ? "expired token" : secret.equals(forged) ? "forged token" : "wrong key";
    }

    private String nextIp() {
        int n = addresses.incrementAndGet();
        return "10.20." + (n / 250) + "." + (n % 250 + 1);
    }
}
