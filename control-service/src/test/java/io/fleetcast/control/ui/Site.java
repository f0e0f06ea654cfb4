package io.fleetcast.control.ui;

import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.TestClient.NewRobot;
import io.fleetcast.control.testing.TestClient.Session;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.control.user.Role;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the browser tests run against: a real control service (real PostgreSQL and Redis) whose
 * stream info points at the media stand-in, an operator, and the playroom robot.
 */
final class Site implements AutoCloseable {
    static final String OPERATOR_PASSWORD = "operator-password";

    private final MediaStandIn media;
    private final TestServer server;
    private final Session operator;
    private final NewRobot playroom;

    private Site(MediaStandIn media, TestServer server) {
        this.media = media;
        this.server = server;
        server.server().users().create("operator", OPERATOR_PASSWORD, Role.OPERATOR);
        this.operator = server.client().login("operator", OPERATOR_PASSWORD);
        this.playroom = server.client().createRobot(operator, "playroom", "playroom");
    }

    /** {@code hls}: the directory the stand-in serves as the playroom's CDN. */
    static Site start(TestStores stores, Path hls, Map<String, String> env) {
        MediaStandIn media = new MediaStandIn(hls);
        Map<String, String> all = new HashMap<>(env);
        all.put("MEDIAMTX_WEBRTC_URL", media.uri().toString());
        all.put("MEDIAMTX_HLS_URL", media.uri().toString());
        all.put("CDN_BASE_URL", media.uri() + "/hls");
        try {
            return new Site(media, TestServer.start(stores, all, null));
        } catch (RuntimeException e) {
            media.close();
            throw e;
        }
    }

    String url(String path) {
        return server.server().uri() + path;
    }

    MediaStandIn media() {
        return media;
    }

    TestServer server() {
        return server;
    }

    Session operator() {
        return operator;
    }

    NewRobot playroom() {
        return playroom;
    }

    /** The robot's side of its control socket, with its stream key, welcomed. */
    Probe robotSocket(NewRobot robot) {
        return socket(robot, "key=" + robot.streamKey());
    }

    /** A signed-in user's control socket on the robot, welcomed. */
    Probe userSocket(NewRobot robot, Session user) {
        return socket(robot, "token=" + user.token());
    }

    private Probe socket(NewRobot robot, String credential) {
        URI base = server.server().uri();
        return Probe.welcomed(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/control/" + robot.path()
                + "?" + credential));
    }

    @Override
    public void close() {
        server.close();
        media.close();
    }
}
