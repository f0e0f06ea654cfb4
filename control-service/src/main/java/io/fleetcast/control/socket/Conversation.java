package io.fleetcast.control.socket;

import io.fleetcast.control.protocol.Ack;
import io.fleetcast.control.protocol.Command;
import io.fleetcast.control.protocol.ErrorMessage;
import io.fleetcast.control.protocol.Hello;
import io.fleetcast.control.protocol.Message;
import io.fleetcast.control.protocol.Metrics;
import io.fleetcast.control.protocol.ProtocolException;
import io.fleetcast.control.protocol.Quality;
import io.fleetcast.control.protocol.QueueRequest;
import io.fleetcast.control.protocol.Role;
import io.fleetcast.control.protocol.State;
import io.fleetcast.control.protocol.Welcome;
import io.fleetcast.control.queue.QueueException;
import io.fleetcast.control.queue.QueueSnapshot;

/**
 * What one socket says, judged by its role. Runs on the socket's reader thread only, so its
 * fields need no locking; whether commands went out is shared with the socket's end through
 * {@link Departure}. Every refusal is an {@code error} frame; too many close with 1008.
 */
final class Conversation {

    private static final System.Logger LOG = System.getLogger(Conversation.class.getName());
    private static final long TOUCH_EVERY_NANOS = 1_000_000_000L;
    private static final long RATE_NOTICE_EVERY_NANOS = 1_000_000_000L;

    private final Wiring wiring;
    private final Link link;
    private final AbuseMeter abuse;
    private final Room room;
    private final Departure departure;
    private long lastTouch = Long.MIN_VALUE / 2;
    private long lastRateNotice = Long.MIN_VALUE / 2;

    Conversation(Wiring wiring, Link link, Room room, Departure departure) {
        this.wiring = wiring;
        this.link = link;
        this.room = room;
        this.departure = departure;
        this.abuse = new AbuseMeter(wiring.settings().abuseLimit(),
                wiring.settings().abuseWindow().toNanos());
    }

    void handle(String text) {
        try {
            dispatch(wiring.codec().decode(text));
        } catch (ProtocolException e) {
            refuse(ErrorMessage.of(e));
        } catch (QueueException e) {
            refuse(new ErrorMessage(e.code(), e.getMessage(), null));
        } catch (RuntimeException e) {
            // Redis unreachable, most likely: the client may retry, the socket stays.
            LOG.log(System.Logger.Level.WARNING, "handling a control message for robot "
                    + link.robot() + " failed", e);
            send(new ErrorMessage("unavailable", "try again shortly", null));
        }
    }

    void refuse(ErrorMessage error) {
        link.send(wiring.codec().encode(error));
        if (abuse.strike(System.nanoTime())) {
            link.close(1008, "too many refused messages");
        }
    }

    Welcome welcome() {
        Role role = link.role();
        if (role == Role.VIEWER && room.queue().isDriving(link.user())) {
            role = Role.DRIVER;
        }
        return new Welcome(1, link.robot(), link.admitted().robot().kind(), role, link.user(),
                room.robotOnline());
    }

    private void dispatch(Message message) {
        switch (message) {
            case Hello hello -> {
                if (hello.v() != 1) {
                    throw new ProtocolException("unsupported_version",
                            "this server speaks protocol version 1", null);
                }
                send(welcome());
            }
            case Command command -> command(command);
            case Quality quality -> {
                if (link.role() != Role.OWNER) {
                    throw new ProtocolException("forbidden", "only the owner sets quality", null);
                }
                wiring.hub().toRobot(link.robot(), wiring.codec().encode(quality));
            }
            case QueueRequest request -> queue(request);
            case State state -> {
                fromRobotOnly();
                wiring.hub().toWatchers(link.robot(), wiring.codec().encode(state));
            }
            case Metrics metrics -> {
                fromRobotOnly();
                wiring.hub().toWatchers(link.robot(), wiring.codec().encode(metrics));
                wiring.alerts().metrics(link.robot(), metrics);
            }
            case Ack ack -> {
                fromRobotOnly();
                if (ack.user() == null) {
                    throw new ProtocolException("bad_message", "ack needs the command's user",
                            ack.seq());
                }
                wiring.hub().toUser(link.robot(), ack.user(), wiring.codec().encode(ack));
            }
            default -> throw new ProtocolException("forbidden",
                    "only the server sends " + message.type(), null);
        }
    }

    private void command(Command command) {
        if (link.role() == Role.ROBOT) {
            throw new ProtocolException("forbidden", "robots do not send commands", command.seq());
        }
        boolean playroomDriver = mayDriveAsPlayroomDriver();
        if (link.role() != Role.OWNER && link.role() != Role.DRIVER && !playroomDriver) {
            throw new ProtocolException("not_driver", "only the current driver sends commands",
                    command.seq());
        }
        long now = System.nanoTime();
        if (!wiring.rate().allow(link.user())) {
            if (now - lastRateNotice >= RATE_NOTICE_EVERY_NANOS) {
                lastRateNotice = now;
                send(new ErrorMessage("rate_limited", "too many commands", command.seq()));
            }
            return;
        }
        if (!room.robotOnline() && room.mayAskPresence(now) && wiring.presence().online(link.robot())) {
            // A presence event can be missed (Redis reconnect): the key is the truth.
            room.robotOnline(true);
        }
        if (!room.robotOnline()) {
            send(new ErrorMessage("robot_offline", "the robot is not connected", command.seq()));
            return;
        }
        if (!departure.beforeCommand()) {
            return; // the socket ended (its stop is sent or owed): nothing more reaches the robot
        }
        try {
            wiring.hub().toRobot(link.robot(), wiring.codec().encode(command.withUser(link.user())));
        } finally {
            if (departure.afterCommand()) {
                wiring.hub().stopRobot(link.robot(), "driver_left");
            }
        }
        if (playroomDriver && now - lastTouch >= TOUCH_EVERY_NANOS) {
            lastTouch = now;
            wiring.queue().touch(link.robot(), link.user());
        }
    }

    /** The playroom's current driver; a first command from the next driver confirms the turn. */
    private boolean mayDriveAsPlayroomDriver() {
        if (!link.admitted().robot().playroom() || link.user() == null) {
            return false;
        }
        QueueSnapshot queue = room.queue();
        if (queue.awaitsReady(link.user())) {
            try {
                publish(wiring.queue().ready(link.robot(), link.user()));
            } catch (QueueException e) {
                return false;
            }
        }
        return room.queue().isDriving(link.user());
    }

    private void queue(QueueRequest request) {
        if (!link.admitted().robot().playroom()) {
            throw new ProtocolException("not_playroom", "this robot has no queue", null);
        }
        if (link.user() == null) {
            throw new ProtocolException("forbidden", "sign in to join the queue", null);
        }
        long robot = link.robot();
        long user = link.user();
        QueueSnapshot snapshot = switch (request.action()) {
            case "join" -> wiring.queue().join(robot, user);
            case "leave" -> wiring.queue().leave(robot, user);
            case "ready" -> wiring.queue().ready(robot, user);
            default -> wiring.queue().status(robot);
        };
        if (snapshot.changed()) {
            publish(snapshot);
        } else {
            room.queue(snapshot);
            send(QueueFrames.event(snapshot, user));
        }
    }

    private void publish(QueueSnapshot snapshot) {
        room.queue(snapshot);
        wiring.hub().changed(snapshot);
    }

    private void fromRobotOnly() {
        if (link.role() != Role.ROBOT) {
            throw new ProtocolException("forbidden", "only the robot sends this", null);
        }
    }

    private void send(Message message) {
        link.send(wiring.codec().encode(message));
    }
}
