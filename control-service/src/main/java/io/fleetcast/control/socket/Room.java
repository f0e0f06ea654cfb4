package io.fleetcast.control.socket;

import io.fleetcast.control.queue.QueueSnapshot;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This instance's sockets for one robot, plus what it last heard about the robot's presence
 * and queue (kept current by relay messages, so permission checks need no Redis round trip).
 */
final class Room {

    private static final long ASK_EVERY_NANOS = 1_000_000_000L;

    private final long robot;
    private final Set<Link> watchers = ConcurrentHashMap.newKeySet();
    private final Set<Link> robots = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean robotOnline = new AtomicBoolean();
    // Whether robotOnline was ever set from a source (Redis, a presence event, a local robot).
    private volatile boolean presenceKnown;
    private final AtomicLong presenceAskedAt = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicReference<QueueSnapshot> queue;

    Room(long robot) {
        this.robot = robot;
        this.queue = new AtomicReference<>(QueueSnapshot.empty(robot));
    }

    long robot() {
        return robot;
    }

    Set<Link> watchers() {
        return watchers;
    }

    Set<Link> robots() {
        return robots;
    }

    boolean robotOnline() {
        return robotOnline.get();
    }

    void robotOnline(boolean online) {
        robotOnline.set(online);
        presenceKnown = true;
    }

    /**
     * False until the room learnt whether its robot is online; from then on presence events
     * keep it current, so a socket joining the room needs no Redis round trip to learn it.
     */
    boolean presenceKnown() {
        return presenceKnown;
    }

    /**
     * Whether a socket that finds the robot offline here may ask Redis (a presence event can be
     * missed): once a second per room, so a thousand drivers commanding robots their rooms
     * believe offline cannot queue up on the Redis pool with twenty questions a second each.
     */
    boolean mayAskPresence(long nowNanos) {
        long asked = presenceAskedAt.get();
        return nowNanos - asked >= ASK_EVERY_NANOS && presenceAskedAt.compareAndSet(asked, nowNanos);
    }

    /** Marks the robot offline; true for the one caller that changed it. */
    boolean robotWentOffline() {
        return robotOnline.compareAndSet(true, false);
    }

    QueueSnapshot queue() {
        return queue.get();
    }

    void queue(QueueSnapshot snapshot) {
        queue.set(snapshot);
    }

    boolean isEmpty() {
        return watchers.isEmpty() && robots.isEmpty();
    }

    boolean userPresent(long user) {
        for (Link link : watchers) {
            if (link.user() != null && link.user() == user) {
                return true;
            }
        }
        return false;
    }
}
