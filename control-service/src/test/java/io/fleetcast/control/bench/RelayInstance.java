package io.fleetcast.control.bench;

import io.fleetcast.control.protocol.Video;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.relay.RedisAddress;
import io.fleetcast.control.socket.ControlSockets;
import io.fleetcast.control.socket.SocketSettings;
import io.helidon.webserver.WebServer;
import java.time.Clock;

/**
 * One control-service instance in its own JVM (the relay benchmark, and tests that kill an
 * instance for real): the real control sockets, relay and queue on the given Redis, with
 * {@link SyntheticAccess}, and socket and queue settings from the environment ({@code CONTROL_*}).
 * Prints "READY port" and runs until its standard input closes.
 */
public final class RelayInstance {

    private RelayInstance() {
    }

    public static void main(String[] args) throws Exception {
        int redisPort = Integer.parseInt(args[0]);
        int robots = Integer.parseInt(args[1]);
        try (ControlSockets sockets = new ControlSockets(new SyntheticAccess(robots),
                RedisAddress.parse("redis://127.0.0.1:" + redisPort),
                SocketSettings.fromEnv(System.getenv()), QueueSettings.fromEnv(System.getenv()),
                Clock.systemUTC(), robot -> Video.NEVER)) {
            WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                    .connectionOptions(options -> options.tcpNoDelay(true))
                    .addProtocol(sockets.websocketProtocol())
                    .routing(sockets::routes)
                    .addRouting(sockets.websocketRouting())
                    .build()
                    .start();
            ServerProcess.serve(server);
        }
    }
}
