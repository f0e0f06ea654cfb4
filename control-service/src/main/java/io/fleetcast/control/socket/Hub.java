package io.fleetcast.control.socket;

import io.fleetcast.control.alert.Alerts;
import io.fleetcast.control.protocol.Command;
import io.fleetcast.control.protocol.MessageCodec;
import io.fleetcast.control.protocol.Presence;
import io.fleetcast.control.protocol.Role;
import io.fleetcast.control.protocol.Video;
import io.fleetcast.control.queue.QueueChanges;
import io.fleetcast.control.queue.QueueSnapshot;
import io.fleetcast.control.relay.Channels;
import io.fleetcast.control.relay.Delivery;
import io.fleetcast.control.relay.Relay;
import io.fleetcast.control.relay.RedisAddress;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * This instance's sockets, grouped by robot, and the bridge between them and Redis pub/sub:
 * what a socket sends goes out through the relay; what the relay brings in goes to the local
 * sockets it concerns. Commands and states, the bulk, are written by the relay's delivering
 * threads themselves ({@link Link#sendNow}); the rest is queued for each socket's writer.
 */
final class Hub implements Delivery, QueueChanges, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Hub.class.getName());

    private final String instance = UUID.randomUUID().toString();
    private final ConcurrentHashMap<Long, Room> rooms = new ConcurrentHashMap<>();
    private final MessageCodec codec;
    private final QueueFrames queueFrames;
    private final Relay relay;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledExecutorService sweeper;
    private final VideoLookup videos;
    private final Alerts alerts;
    // The relay delivers on its subscriber threads, each timed by its own watch: their writes to
    // a socket that stopped reading are cut off after this long (a sweep period later at most).
    private final Set<WriteWatch> fanOutWatches = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<WriteWatch> fanOut = ThreadLocal.withInitial(() -> {
        WriteWatch watch = new WriteWatch(TimeUnit.MILLISECONDS.toNanos(500));
        fanOutWatches.add(watch);
        return watch;
    });

    Hub(MessageCodec codec, RedisAddress redis, int subscribers, VideoLookup videos, Alerts alerts,
            LongConsumer published) {
        this.codec = codec;
        this.videos = videos;
        this.alerts = alerts;
        this.queueFrames = new QueueFrames(codec);
        this.relay = new Relay(redis, this, published, subscribers);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("socket-sweeper").factory());
        sweeper.scheduleWithFixedDelay(this::sweep, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Ends sockets whose connection is gone although no close frame came; pings idle ones. */
    private void sweep() {
        long now = System.nanoTime();
        fanOutWatches.forEach(watch -> watch.check(now));
        rooms.values().forEach(room -> {
            room.robots().forEach(link -> sweep(link, now));
            room.watchers().forEach(link -> sweep(link, now));
        });
    }

    private static void sweep(Link link, long now) {
        if (link.readerAlive()) {
            link.keepAlive(now);
        } else {
            link.close();
        }
    }

    String tokenOf(Link link) {
        return instance + "/" + link.id();
    }

    /** The robot's room if this instance has sockets for it, else null. */
    Room existingRoom(long robot) {
        return rooms.get(robot);
    }

    /** Registers the socket; completes when its channel subscription is live. */
    CompletableFuture<Void> attach(Link link) {
        boolean robot = link.role() == Role.ROBOT;
        // compute() makes "add to the room" and "drop the empty room" atomic per robot.
        rooms.compute(link.robot(), (id, room) -> {
            Room next = room == null ? new Room(id) : room;
            (robot ? next.robots() : next.watchers()).add(link);
            return next;
        });
        return relay.subscribe(robot ? Channels.toRobot(link.robot())
                : Channels.toWatchers(link.robot()));
    }

    /** Unregisters the socket; false when it was already gone (detach is idempotent). */
    boolean detach(Link link) {
        boolean robot = link.role() == Role.ROBOT;
        AtomicBoolean removed = new AtomicBoolean();
        rooms.computeIfPresent(link.robot(), (id, room) -> {
            removed.set((robot ? room.robots() : room.watchers()).remove(link));
            return room.isEmpty() ? null : room;
        });
        if (removed.get()) {
            relay.unsubscribe(robot ? Channels.toRobot(link.robot())
                    : Channels.toWatchers(link.robot()));
        }
        return removed.get();
    }

    void toRobot(long robot, String frame) {
        relay.publish(Channels.toRobot(robot), Envelope.encode('c', "", frame));
    }

    void toWatchers(long robot, String frame) {
        relay.publish(Channels.toWatchers(robot), Envelope.encode('a', "", frame));
    }

    void toUser(long robot, long user, String frame) {
        relay.publish(Channels.toWatchers(robot), Envelope.encode('u', Long.toString(user), frame));
    }

    void presence(long robot, boolean online) {
        relay.publish(Channels.toWatchers(robot),
                Envelope.encode('p', online ? "1" : "0", codec.encode(new Presence(robot, online, videoOf(robot)))));
    }

    /** The robot's video path started or stopped: its watchers on every instance are told. */
    void video(long robot, boolean online, Video video) {
        toWatchers(robot, codec.encode(new Presence(robot, online, video)));
    }

    /** Null (left out of the event) when it cannot be read: the socket's presence still goes out. */
    private Video videoOf(long robot) {
        try {
            return videos.video(robot);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading the video state of robot " + robot + " failed", e);
            return null;
        }
    }

    /** Robots this instance's watchers believe online whose socket is on another instance. */
    Set<Long> believedOnlineElsewhere() {
        Set<Long> out = new HashSet<>();
        rooms.values().forEach(room -> {
            if (room.robotOnline() && room.robots().isEmpty() && !room.watchers().isEmpty()) {
                out.add(room.robot());
            }
        });
        return out;
    }

    /**
     * One of those whose instance died without saying so (its presence key expired): the
     * watchers here are told it is offline, once.
     */
    void wentOfflineUnannounced(long robot) {
        Room room = rooms.get(robot);
        if (room != null && room.robots().isEmpty() && !room.watchers().isEmpty() && room.robotWentOffline()) {
            String frame = codec.encode(new Presence(robot, false, videoOf(robot)));
            room.watchers().forEach(link -> link.send(frame));
            alerts.presence(robot, false);
        }
    }

    /** An alert frame for the robot's owner, wherever the owner's sockets are. */
    void toOwners(long robot, String frame) {
        relay.publish(Channels.toWatchers(robot), Envelope.encode('o', "", frame));
    }

    /** Tells every instance that this socket is now the robot's only one. */
    void robotReplaced(Link link) {
        relay.publish(Channels.toRobot(link.robot()), Envelope.encode('r', tokenOf(link), ""));
    }

    void stopRobot(long robot, String reason) {
        Command stop = new Command(0, Command.STOP,
                codec.json().createObjectNode().put("reason", reason), null);
        toRobot(robot, codec.encode(stop));
    }

    @Override
    public void changed(QueueSnapshot snapshot) {
        relay.publish(Channels.toWatchers(snapshot.robot()),
                Envelope.encode('q', "", queueFrames.toRelay(snapshot)));
        if (snapshot.endsATurn()) {
            stopRobot(snapshot.robot(), snapshot.event());
        }
    }

    @Override
    public void deliver(String channel, String payload) {
        Room room = rooms.get(Channels.robotOf(channel));
        if (room == null) {
            return;
        }
        Envelope envelope = Envelope.decode(payload);
        WriteWatch fanOut = this.fanOut.get();
        switch (envelope.kind()) {
            case 'c' -> room.robots().forEach(link -> link.sendNow(envelope.body(), fanOut));
            case 'r' -> room.robots().stream()
                    .filter(link -> !tokenOf(link).equals(envelope.target()))
                    .forEach(link -> link.close(1008, "replaced by a newer robot connection"));
            case 'a' -> room.watchers().forEach(link -> link.sendNow(envelope.body(), fanOut));
            case 'p' -> {
                boolean online = envelope.target().equals("1");
                boolean wasOnline = room.robotOnline();
                room.robotOnline(online);
                room.watchers().forEach(link -> link.send(envelope.body()));
                if (!room.watchers().isEmpty() && (online || wasOnline && room.robots().isEmpty())) {
                    alerts.presence(room.robot(), online);
                }
            }
            case 'o' -> room.watchers().stream().filter(link -> link.role() == Role.OWNER)
                    .forEach(link -> link.send(envelope.body()));
            case 'u' -> {
                long user = Long.parseLong(envelope.target());
                room.watchers().stream()
                        .filter(link -> link.user() != null && link.user() == user)
                        .forEach(link -> link.send(envelope.body()));
            }
            case 'q' -> {
                QueueSnapshot snapshot = queueFrames.fromRelay(room.robot(), envelope.body());
                room.queue(snapshot);
                room.watchers().forEach(link -> link.send(queueFrames.forUser(snapshot,
                        link.user())));
            }
            default -> LOG.log(Level.WARNING, "unknown relay envelope kind {0}", envelope.kind());
        }
    }

    /** This instance's sockets opened with a user token (every user, or one). */
    List<Link> userLinks(Long user) {
        List<Link> out = new ArrayList<>();
        rooms.values().forEach(room -> room.watchers().forEach(link -> {
            if (link.admitted().token() != null && (user == null || user.equals(link.user()))) {
                out.add(link);
            }
        }));
        return out;
    }

    /** Robot sockets held here, for the presence heartbeat. */
    Map<Long, String> localRobots() {
        Map<Long, String> out = new HashMap<>();
        rooms.values().forEach(room -> room.robots().forEach(
                link -> out.put(room.robot(), tokenOf(link))));
        return out;
    }

    boolean closed() {
        return closed.get();
    }

    int sockets() {
        return rooms.values().stream()
                .mapToInt(room -> room.robots().size() + room.watchers().size()).sum();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sweeper.shutdownNow();
        rooms.values().forEach(room -> {
            room.robots().forEach(link -> link.close(1001, "server shutting down"));
            room.watchers().forEach(link -> link.close(1001, "server shutting down"));
        });
        relay.close();
    }
}
