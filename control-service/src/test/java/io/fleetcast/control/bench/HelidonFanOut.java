package io.fleetcast.control.bench;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The second floor of the relay benchmark: what Helidon's WebSocket server alone costs for the
 * same work as {@link ReferenceFanOut}. One process, no Redis, no JSON, no checks: each frame a
 * robot sends goes to every viewer of that robot and each frame a driver sends to its robot,
 * written by the connection thread that read it (Helidon reads every connection on its own
 * virtual thread). Fleetcast keeps Helidon's server, so its cost over this one is ours; this
 * one's over the NIO reference is the server's. Prints "READY port"; runs until standard input
 * closes.
 */
public final class HelidonFanOut {

    private static final class Room {
        final List<WsSession> viewers = new CopyOnWriteArrayList<>();
        volatile WsSession robot;
    }

    private static final System.Logger LOG = System.getLogger(HelidonFanOut.class.getName());

    private final ConcurrentHashMap<Long, Room> rooms = new ConcurrentHashMap<>();

    private HelidonFanOut() {
    }

    public static void main(String[] args) throws Exception {
        HelidonFanOut fanOut = new HelidonFanOut();
        WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                .connectionOptions(options -> options.tcpNoDelay(true))
                .addRouting(WsRouting.builder().endpoint("/control/{robot}", fanOut::socket))
                .build()
                .start();
        ServerProcess.serve(server);
    }

    /** A receiver gone meanwhile loses the frame, as in the reference; the sender's socket stays. */
    private static void send(WsSession to, String text) {
        try {
            to.send(text, true);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "helidon fan-out dropped a frame", e);
        }
    }

    private WsListener socket() {
        return new WsListener() {
            private Room room;
            private ReferenceRole role;

            @Override
            public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
                String path = prologue.uriPath().path();
                long robot = Long.parseLong(path.substring(path.indexOf("robot_") + 6));
                room = rooms.computeIfAbsent(robot, id -> new Room());
                role = ReferenceRole.of(prologue.query().rawValue());
                return Optional.empty();
            }

            @Override
            public void onOpen(WsSession session) {
                switch (role) {
                    case ROBOT -> room.robot = session;
                    case VIEWER -> room.viewers.add(session);
                    case DRIVER -> {
                        // A driver only sends; nothing is written to it.
                    }
                }
            }

            @Override
            public void onMessage(WsSession session, String text, boolean last) {
                switch (role) {
                    case ROBOT -> room.viewers.forEach(viewer -> send(viewer, text));
                    case DRIVER -> {
                        WsSession robot = room.robot;
                        if (robot != null) {
                            send(robot, text);
                        }
                    }
                    case VIEWER -> {
                        // Viewers only watch.
                    }
                }
            }

            @Override
            public void onClose(WsSession session, int status, String reason) {
                room.viewers.remove(session);
            }
        };
    }
}
