package io.fleetcast.control.bench;

import io.helidon.webserver.WebServer;
import java.io.IOException;

/**
 * How a bench server process talks to {@link BenchServers}: it prints "READY port" once it
 * listens, then runs until its standard input closes (the bench is done, or died).
 */
final class ServerProcess {

    private ServerProcess() {
    }

    /** Announces the port and blocks until standard input closes. */
    static void readyUntilStdinCloses(int port) throws IOException {
        System.out.println("READY " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // Nothing is sent on it; only its end matters.
        }
    }

    /** The same for a started Helidon server, stopped afterwards. */
    static void serve(WebServer server) throws IOException {
        try {
            readyUntilStdinCloses(server.port());
        } finally {
            server.stop();
        }
    }
}
