package io.fleetcast.control.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The reference fan-out's sockets for one robot: the robot's own and its viewers'. */
final class ReferenceRoom {

    private final long id;
    private final List<ReferenceConnection> viewers = new CopyOnWriteArrayList<>();
    private volatile ReferenceConnection robot;

    ReferenceRoom(long id) {
        this.id = id;
    }

    long id() {
        return id;
    }

    List<ReferenceConnection> viewers() {
        return viewers;
    }

    ReferenceConnection robot() {
        return robot;
    }

    void robot(ReferenceConnection connection) {
        robot = connection;
    }
}
