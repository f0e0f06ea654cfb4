package io.fleetcast.control.socket;

import io.fleetcast.control.protocol.ErrorMessage;
import io.fleetcast.control.protocol.Role;
import io.fleetcast.control.queue.QueueSnapshot;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One control socket, from the upgrade to the close. Helidon creates one per connection and
 * calls it from that connection's thread (the reader), which owns the fields below; the end
 * may also run on the socket's writer thread, so it reads only what the upgrade set before the
 * writer started, the link it is handed, and {@link Departure}, the state both threads share.
 */
final class ControlEndpoint implements WsListener {

    private static final System.Logger LOG = System.getLogger(ControlEndpoint.class.getName());

    private final Wiring wiring;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Departure departure = new Departure();
    private int partialBytes;
    private Admitted admitted;
    private Link link;
    private Conversation conversation;

    ControlEndpoint(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers)
            throws WsUpgradeException {
        Credentials credentials = Credentials.from(prologue.query(), headers);
        try {
            admitted = wiring.admission().admit(prologue.uriPath().path(), credentials);
        } catch (Refusal e) {
            throw new WsUpgradeException(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "control socket admission failed; refusing", e);
            throw new WsUpgradeException("admission unavailable");
        }
        if (!credentials.offersProtocol()) {
            return Optional.empty();
        }
        WritableHeaders<?> answer = WritableHeaders.create();
        answer.set(Credentials.PROTOCOL_HEADER, Credentials.PROTOCOL);
        return Optional.of(answer);
    }

    @Override
    public void onOpen(WsSession session) {
        link = new Link(wiring.socketIds().incrementAndGet(), admitted, session,
                wiring.settings(), this::end);
        awaitSubscription();
        Hub hub = wiring.hub();
        Room room = hub.existingRoom(link.robot());
        conversation = new Conversation(wiring, link, room, departure);
        long robot = link.robot();
        if (link.role() == Role.ROBOT) {
            try {
                wiring.presence().markOnline(robot, hub.tokenOf(link));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording robot " + robot + " online failed", e);
            }
            room.robotOnline(true);
            wiring.alerts().connected(robot);
            hub.robotReplaced(link);
            link.send(wiring.codec().encode(conversation.welcome()));
            // After the welcome: the viewers' event reads the video state from PostgreSQL.
            hub.presence(robot, true);
            return;
        }
        QueueSnapshot queue = null;
        try {
            if (!room.presenceKnown()) {
                room.robotOnline(wiring.presence().online(robot));
            }
            if (admitted.robot().playroom()) {
                queue = wiring.queue().status(robot);
                if (link.user() != null && link.user().equals(queue.driver())) {
                    queue = wiring.queue().back(robot, link.user());
                }
                room.queue(queue);
            }
        } catch (RuntimeException e) {
            // Redis unreachable: the socket still opens; relay messages will catch it up.
            LOG.log(Level.WARNING, "reading presence and queue for robot " + robot + " failed", e);
        }
        link.send(wiring.codec().encode(conversation.welcome()));
        if (queue != null) {
            link.send(wiring.codec().encode(QueueFrames.event(queue, link.user())));
        }
    }

    private void awaitSubscription() {
        try {
            wiring.hub().attach(link).get(5, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(Level.WARNING, "relay subscription for robot {0} not confirmed in time",
                    link.robot());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        // A whole message whose every char could take 3 bytes and still fit needs no counting
        // (nor a copy of it encoded): the usual small frame.
        if (last && partial.isEmpty() && 3L * text.length() <= wiring.settings().maxMessageBytes()) {
            conversation.handle(text);
            return;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (partialBytes + bytes > wiring.settings().maxMessageBytes()) {
            partial.setLength(0);
            partialBytes = 0;
            link.close(1009, "message larger than " + wiring.settings().maxMessageBytes()
                    + " bytes");
            return;
        }
        if (!last) {
            partial.append(text);
            partialBytes += bytes;
            return;
        }
        String message = partial.isEmpty() ? text : partial.append(text).toString();
        partial.setLength(0);
        partialBytes = 0;
        conversation.handle(message);
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        if (last) {
            conversation.refuse(new ErrorMessage("bad_message", "binary frames are not used",
                    null));
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        end(link);
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        LOG.log(Level.DEBUG, "control socket error", t);
        end(link);
    }

    /**
     * Runs once, whichever notices first: Helidon's close callback (reader) or the writer ending
     * (a close the server sent, a failed write, a dead reader). Uses {@code link} as handed over,
     * never this endpoint's reader-owned fields.
     */
    private void end(Link link) {
        if (link == null || !ended.compareAndSet(false, true)) {
            return;
        }
        link.close();
        Hub hub = wiring.hub();
        // While the instance shuts down its sockets close too, but it hands nothing over:
        // other instances enforce the queue's deadlines, exactly as after a crash.
        if (!hub.detach(link) || hub.closed()) {
            departure.end(false);
            return;
        }
        long robot = link.robot();
        try {
            if (link.role() == Role.ROBOT) {
                Room room = hub.existingRoom(robot);
                if (room == null || room.robots().isEmpty()) {
                    wiring.alerts().disconnected(robot);
                }
                if (wiring.presence().markOffline(robot, hub.tokenOf(link))) {
                    hub.presence(robot, false);
                }
                return;
            }
            Long user = link.user();
            Room room = hub.existingRoom(robot);
            boolean elsewhere = user == null || (room != null && room.userPresent(user));
            if (departure.end(!elsewhere)) {
                hub.stopRobot(robot, "driver_left");
            }
            if (elsewhere) {
                return;
            }
            if (link.admitted().robot().playroom()) {
                wiring.queue().gone(robot, user);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cleaning up a control socket for robot " + robot + " failed", e);
        }
    }
}
