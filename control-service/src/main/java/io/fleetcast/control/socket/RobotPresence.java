package io.fleetcast.control.socket;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Which robots have a control socket, across instances: a Redis key per robot holding the
 * socket's token, with a TTL the holding instance refreshes every second, so a killed
 * instance's robots turn offline by themselves within {@value #TTL_SECONDS} s. Every second the
 * instance also sweeps the robots its watchers believe online but whose socket is elsewhere:
 * a key that expired (its instance died, sending no offline event) is told to them as offline.
 */
final class RobotPresence implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RobotPresence.class.getName());
    static final long TTL_SECONDS = 4;
    private static final long BEAT_MILLIS = 1000;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    private final UnifiedJedis redis;
    private final ScheduledExecutorService heartbeat;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param localRobots the robots whose socket is here, with its token
     * @param believedOnline the robots local watchers believe online whose socket is elsewhere
     * @param gone told each of those whose key is gone (its instance died without a word)
     */
    RobotPresence(UnifiedJedis redis, Supplier<Map<Long, String>> localRobots, Supplier<Set<Long>> believedOnline,
            LongConsumer gone) {
        this.redis = redis;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("robot-presence").factory());
        heartbeat.scheduleWithFixedDelay(() -> beat(localRobots.get(), believedOnline.get(), gone), BEAT_MILLIS,
                BEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    boolean online(long robot) {
        return redis.exists(key(robot));
    }

    void markOnline(long robot, String token) {
        redis.set(key(robot), token, expiring());
    }

    /** True when this token still held the robot (a newer socket elsewhere keeps it online). */
    boolean markOffline(long robot, String token) {
        Object removed = redis.eval(RELEASE, List.of(key(robot)), List.of(token));
        return removed instanceof Long count && count > 0;
    }

    /**
     * One round trip for every robot: a key at a time, a thousand robots took the heartbeat a
     * second or more under load, keys expired and robots flapped offline.
     */
    private void beat(Map<Long, String> robots, Set<Long> believedOnline, LongConsumer gone) {
        Map<Long, Response<Boolean>> found = new HashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            robots.forEach((robot, token) -> pipeline.set(key(robot), token, expiring()));
            believedOnline.forEach(robot -> found.put(robot, pipeline.exists(key(robot))));
            pipeline.sync();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refreshing robot presence failed; retrying", e);
            return;
        }
        try {
            found.forEach((robot, online) -> {
                if (!online.get()) {
                    gone.accept(robot);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "telling watchers that a robot went offline failed", e);
        }
    }

    private static SetParams expiring() {
        return SetParams.setParams().ex(TTL_SECONDS);
    }

    private static String key(long robot) {
        return "fc:robot:" + robot + ":online";
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            heartbeat.shutdownNow();
        }
    }
}
