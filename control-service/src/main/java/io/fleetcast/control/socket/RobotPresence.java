package io.fleetcast.control.socket;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
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

    /** @param sweep given {@link #online}, tells local watchers of robots that went offline unannounced */
    RobotPresence(UnifiedJedis redis, Supplier<Map<Long, String>> localRobots, Consumer<LongPredicate> sweep) {
        this.redis = redis;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("robot-presence").factory());
        heartbeat.scheduleWithFixedDelay(() -> beat(localRobots.get(), sweep), BEAT_MILLIS, BEAT_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    boolean online(long robot) {
        return redis.exists(key(robot));
    }

    void markOnline(long robot, String token) {
        redis.set(key(robot), token, SetParams.setParams().ex(TTL_SECONDS));
    }

    /** True when this token still held the robot (a newer socket elsewhere keeps it online). */
    boolean markOffline(long robot, String token) {
        Object removed = redis.eval(RELEASE, List.of(key(robot)), List.of(token));
        return removed instanceof Long count && count > 0;
    }

    private void beat(Map<Long, String> robots, Consumer<LongPredicate> sweep) {
        try {
            robots.forEach((robot, token) -> markOnline(robot, token));
            sweep.accept(this::online);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refreshing robot presence failed; retrying", e);
        }
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
