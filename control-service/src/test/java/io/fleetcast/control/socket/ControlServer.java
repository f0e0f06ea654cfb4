package io.fleetcast.control.socket;

import io.fleetcast.control.protocol.Video;
import io.fleetcast.control.alert.AlertSettings;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.relay.RedisAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.time.Clock;

/** One control-service instance for tests: a real web server with the control sockets. */
final class ControlServer implements AutoCloseable {

    private final ControlSockets sockets;
    private final WebServer server;

    ControlServer(ControlAccess access, RedisAddress redis, SocketSettings settings,
            QueueSettings queue) {
        this(access, redis, settings, queue, AlertSettings.defaults());
    }

    ControlServer(ControlAccess access, RedisAddress redis, SocketSettings settings,
            QueueSettings queue, AlertSettings alerts) {
        this.sockets = new ControlSockets(access, redis, settings, queue, alerts,
                new SimpleMeterRegistry(), Clock.systemUTC(), robot -> Video.NEVER);
        this.server = WebServer.builder().host("127.0.0.1").port(0)
                .connectionOptions(options -> options.tcpNoDelay(true))
                .addProtocol(sockets.websocketProtocol())
                .routing(sockets::routes)
                .addRouting(sockets.websocketRouting())
                .build()
                .start();
    }

    ControlSockets sockets() {
        return sockets;
    }

    URI ws(long robot, String query) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/control/robot_" + robot
                + (query.isEmpty() ? "" : "?" + query));
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /**
     * Like a crash as far as the queue is concerned: the instance's Redis work stops first, so
     * no orderly hand-over runs, then its sockets drop.
     */
    void kill() {
        sockets.close();
        server.stop();
    }

    @Override
    public void close() {
        server.stop();
        sockets.close();
    }
}
