package io.fleetcast.observer.control;

import io.fleetcast.control.socket.Probe;
import java.net.URI;

/** A signed-in user's control socket on a robot, as a browser opens it (subprotocols fleetcast.v1 + bearer). */
public final class UserSocket {
    private UserSocket() {
    }

    /**
     * Opens the socket and waits until the robot's own socket is up: the welcome or a presence
     * event says so, or a metrics frame arrives (a presence sent just before this socket
     * subscribed is never seen).
     */
    public static Probe robotOnline(int port, long robot, String token) {
        Probe user = Probe.open(URI.create("ws://127.0.0.1:" + port + "/control/robot_" + robot), "fleetcast.v1",
                "bearer." + token);
        if (!user.await("welcome").path("robotOnline").asBoolean()) {
            user.awaitFrame(m -> m.path("type").asText().equals("metrics")
                    || (m.path("type").asText().equals("presence") && m.path("online").asBoolean()), "robot online");
        }
        return user;
    }
}
