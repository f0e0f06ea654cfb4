package io.fleetcast.control.socket;

import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.relay.RedisAddress;
import io.fleetcast.control.testing.TestStores;
import java.net.URI;
import java.time.Duration;

/**
 * Two control-service instances against one Redis, with a few users and robots: owner 1,
 * driver 2 (granted drive on robot 10 and on the playroom), viewer 3 (granted view on robot 10), stranger 4,
 * visitors 5..9, operator 11; private robot 10 and playroom robot 20, both owned by user 1.
 */
final class Fleet implements AutoCloseable {

    static final long PRIVATE = 10;
    static final long PLAYROOM = 20;

    final FakeAccess access = new FakeAccess();
    final RedisAddress redis;
    final ControlServer a;
    final ControlServer b;

    Fleet(TestStores stores, SocketSettings settings, QueueSettings queue) {
        this(flushed(stores), settings, queue);
    }

    /** New instances on a Redis that keeps what earlier instances left there. */
    Fleet(URI redisUri, TestStores stores) {
        this(redisUri, SocketSettings.defaults(), fastQueue());
    }

    private static URI flushed(TestStores stores) {
        stores.flushRedis();
        return stores.redisUri();
    }

    /** Instances on the Redis at {@code uri} as it is (nothing flushed). */
    Fleet(URI uri, SocketSettings settings, QueueSettings queue) {
        this.redis = new RedisAddress(uri);
        access.robot(PRIVATE, 1, false, "key-10").robot(PLAYROOM, 1, true, "key-20")
                .user(1, "owner-token").user(2, "driver-token").user(3, "viewer-token")
                .user(4, "stranger-token")
                .grant(2, PRIVATE, Grant.DRIVE).grant(3, PRIVATE, Grant.VIEW).grant(2, PLAYROOM, Grant.DRIVE)
                .operator(11, "operator-token");
        for (long visitor = 5; visitor <= 9; visitor++) {
            access.user(visitor, "visitor-" + visitor);
        }
        this.a = new ControlServer(access, redis, settings, queue);
        this.b = new ControlServer(access, redis, settings, queue);
    }

    Fleet(TestStores stores) {
        this(stores, SocketSettings.defaults(), QueueSettings.defaults());
    }

    /** Turn 2 s, grace 1.2 s, ready check 1 s; idle 10 s so it never races the others. */
    static QueueSettings fastQueue() {
        return fastQueue(Duration.ofSeconds(10));
    }

    static QueueSettings fastQueue(Duration idle) {
        return new QueueSettings(Duration.ofSeconds(2), Duration.ofMillis(1200), idle,
                Duration.ofMillis(1000), 200, Duration.ofMillis(50));
    }

    ControlServer restart(ControlServer old, SocketSettings settings, QueueSettings queue) {
        old.close();
        return new ControlServer(access, redis, settings, queue);
    }

    Probe robot(ControlServer on, long robot) {
        return Probe.welcomed(on.ws(robot, "key=key-" + robot));
    }

    Probe user(ControlServer on, long robot, String token) {
        return Probe.welcomed(on.ws(robot, "token=" + token));
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
