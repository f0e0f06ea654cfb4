package io.fleetcast.control.socket;

import io.fleetcast.control.alert.Alerts;
import io.fleetcast.control.protocol.MessageCodec;
import io.fleetcast.control.queue.PlayroomQueue;
import java.util.concurrent.atomic.AtomicLong;

/** The shared parts every socket of this instance talks to. */
record Wiring(MessageCodec codec, Admission admission, Hub hub, PlayroomQueue queue,
        RobotPresence presence, CommandRate rate, SocketSettings settings, AtomicLong socketIds,
        Alerts alerts) {
}
