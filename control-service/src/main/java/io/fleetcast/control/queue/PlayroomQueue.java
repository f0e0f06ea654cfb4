package io.fleetcast.control.queue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The playroom queue, kept entirely in Redis: every operation is one Lua script, so instances
 * never race, and deadlines are data, so any instance can enforce them after another dies.
 */
public final class PlayroomQueue {

    private static final String DUE = "fc:queue:due";

    private final UnifiedJedis redis;
    private final QueueSettings settings;
    private final Clock clock;

    public PlayroomQueue(UnifiedJedis redis, QueueSettings settings, Clock clock) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    public QueueSnapshot join(long robot, long user) {
        QueueSnapshot snapshot = run(Script.JOIN, robot, user);
        if (snapshot.event().equals("full")) {
            throw new QueueException("queue_full", robot,
                    "the queue holds at most " + settings.maxWaiting() + " users");
        }
        return snapshot;
    }

    public QueueSnapshot leave(long robot, long user) {
        return run(Script.LEAVE, robot, user);
    }

    public QueueSnapshot ready(long robot, long user) {
        QueueSnapshot snapshot = run(Script.READY, robot, user);
        if (snapshot.event().equals("not_your_turn")) {
            throw new QueueException("not_your_turn", robot, "only the next driver confirms");
        }
        return snapshot;
    }

    /** The driver sent a command: postpones the idle deadline. */
    public QueueSnapshot touch(long robot, long user) {
        return run(Script.TOUCH, robot, user);
    }

    /** The user's last socket closed: starts the grace period if they are driving. */
    public QueueSnapshot gone(long robot, long user) {
        return run(Script.GONE, robot, user);
    }

    /** The user reconnected: cancels a pending grace period. */
    public QueueSnapshot back(long robot, long user) {
        return run(Script.BACK, robot, user);
    }

    /** An operator ends the current turn or ready check; the next in line is promoted. */
    public QueueSnapshot skip(long robot) {
        return run(Script.SKIP, robot, null);
    }

    /** An operator empties the queue, the current driver included. */
    public QueueSnapshot clear(long robot) {
        return run(Script.CLEAR, robot, null);
    }

    public QueueSnapshot tick(long robot) {
        return run(Script.TICK, robot, null);
    }

    public QueueSnapshot status(long robot) {
        return run(Script.STATUS, robot, null);
    }

    /** Robots with a deadline that has passed. */
    public List<Long> due(int limit) {
        List<Long> robots = new ArrayList<>();
        for (String id : redis.zrangeByScore(DUE, 0, clock.millis(), 0, limit)) {
            robots.add(Long.parseLong(id));
        }
        return robots;
    }

    private QueueSnapshot run(Script script, long robot, Long user) {
        String prefix = "fc:queue:" + robot;
        List<String> keys = List.of(prefix, prefix + ":waiting", prefix + ":counter", DUE);
        List<String> args = List.of(Long.toString(robot), Long.toString(clock.millis()),
                Long.toString(settings.turn().toMillis()),
                Long.toString(settings.readyCheck().toMillis()),
                Long.toString(settings.idle().toMillis()),
                Long.toString(settings.grace().toMillis()),
                Integer.toString(settings.maxWaiting()),
                user == null ? "" : Long.toString(user));
        List<?> reply = (List<?>) redis.eval(script.source(), keys, args);
        List<Long> waiting = new ArrayList<>();
        for (int i = 6; i < reply.size(); i++) {
            waiting.add(Long.parseLong((String) reply.get(i)));
        }
        return new QueueSnapshot(robot, (String) reply.get(0), "1".equals(reply.get(1)),
                optionalLong(reply.get(2)), optionalText(reply.get(3)), optionalLong(reply.get(4)),
                optionalLong(reply.get(5)), waiting);
    }

    private static Long optionalLong(Object value) {
        String text = (String) value;
        return text.isEmpty() ? null : Long.parseLong(text);
    }

    private static String optionalText(Object value) {
        String text = (String) value;
        return text.isEmpty() ? null : text;
    }
}
