package io.fleetcast.control.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/** The queue's scripts against a real Redis, with a hand-moved clock. */
@ExtendWith(StoresExtension.class)
class PlayroomQueueTest {

    private static final long ROBOT = 20;
    private static final QueueSettings SETTINGS = new QueueSettings(Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(10), 150,
            Duration.ofMillis(200));

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private RedisClient redis;
    private PlayroomQueue queue;

    @BeforeEach
    void start(TestStores stores) {
        stores.flushRedis();
        redis = RedisClient.create(stores.redisUri().getHost(), stores.redisUri().getPort());
        queue = new PlayroomQueue(redis, SETTINGS, clock());
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
    }

    @Test
    void hundredParallelJoinsGetHundredDistinctPositions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<QueueSnapshot>> joins = new ArrayList<>();
            for (long user = 1; user <= 100; user++) {
                long member = user;
                joins.add(() -> queue.join(ROBOT, member));
            }
            for (Future<QueueSnapshot> join : pool.invokeAll(joins)) {
                join.get();
            }
        } finally {
            pool.shutdown();
        }
        QueueSnapshot status = queue.status(ROBOT);
        Set<Integer> positions = new HashSet<>();
        for (long user = 1; user <= 100; user++) {
            positions.add(status.position(user));
        }
        assertThat(positions).hasSize(100).contains(0).contains(99).doesNotContainNull();
        assertThat(status.waiting()).hasSize(99);
    }

    @Test
    void joinIsIdempotent() {
        queue.join(ROBOT, 1);
        queue.join(ROBOT, 2);
        QueueSnapshot again = queue.join(ROBOT, 2);
        assertThat(again.changed()).isFalse();
        assertThat(again.waiting()).containsExactly(2L);
        assertThat(queue.join(ROBOT, 1).driver()).isEqualTo(1L);
    }

    @Test
    void firstJoinerMustConfirmBeforeDriving() {
        QueueSnapshot joined = queue.join(ROBOT, 7);
        assertThat(joined.event()).isEqualTo("promoted");
        assertThat(joined.phase()).isEqualTo("ready");
        assertThat(joined.readyBy()).isEqualTo(now.get() + 10_000);
        QueueSnapshot ready = queue.ready(ROBOT, 7);
        assertThat(ready.isDriving(7L)).isTrue();
        assertThat(ready.turnEndsAt()).isEqualTo(now.get() + 60_000);
    }

    @Test
    void refusesJoinBeyondMaximumSize() {
        for (long user = 1; user <= 151; user++) {
            queue.join(ROBOT, user);
        }
        assertThatThrownBy(() -> queue.join(ROBOT, 999))
                .isInstanceOfSatisfying(QueueException.class,
                        e -> assertThat(e.code()).isEqualTo("queue_full"));
    }

    @Test
    void onlyTheNextDriverConfirms() {
        queue.join(ROBOT, 1);
        queue.join(ROBOT, 2);
        assertThatThrownBy(() -> queue.ready(ROBOT, 2))
                .isInstanceOfSatisfying(QueueException.class,
                        e -> assertThat(e.code()).isEqualTo("not_your_turn"));
    }

    @Test
    void leaveByWaitingMemberKeepsOrder() {
        queue.join(ROBOT, 1);
        queue.join(ROBOT, 2);
        queue.join(ROBOT, 3);
        queue.join(ROBOT, 4);
        QueueSnapshot left = queue.leave(ROBOT, 3);
        assertThat(left.event()).isEqualTo("left");
        assertThat(left.waiting()).containsExactly(2L, 4L);
        assertThat(queue.leave(ROBOT, 3).changed()).isFalse();
    }

    @Test
    void driverLeavingPromotesNext() {
        queue.join(ROBOT, 1);
        queue.ready(ROBOT, 1);
        queue.join(ROBOT, 2);
        QueueSnapshot left = queue.leave(ROBOT, 1);
        assertThat(left.event()).isEqualTo("driver_left");
        assertThat(left.driver()).isEqualTo(2L);
        assertThat(left.phase()).isEqualTo("ready");
        assertThat(left.endsATurn()).isTrue();
    }

    @Test
    void deadlinesEndTurnsInOrder() {
        queue.join(ROBOT, 1);
        queue.join(ROBOT, 2);
        queue.join(ROBOT, 3);
        now.addAndGet(10_001);
        assertThat(queue.due(10)).containsExactly(ROBOT);
        QueueSnapshot skipped = queue.tick(ROBOT);
        assertThat(skipped.event()).isEqualTo("skipped");
        assertThat(skipped.driver()).isEqualTo(2L);

        queue.ready(ROBOT, 2);
        now.addAndGet(14_000);
        queue.touch(ROBOT, 2);
        now.addAndGet(14_000);
        assertThat(queue.tick(ROBOT).changed()).as("touched, so not idle yet").isFalse();
        now.addAndGet(1_001 + 15_000);
        assertThat(queue.tick(ROBOT).event()).isEqualTo("idle");

        queue.ready(ROBOT, 3);
        for (int i = 0; i < 6; i++) {
            now.addAndGet(10_000);
            queue.touch(ROBOT, 3);
        }
        now.addAndGet(1);
        QueueSnapshot ended = queue.tick(ROBOT);
        assertThat(ended.event()).isEqualTo("turn_ended");
        assertThat(ended.driver()).isNull();
        assertThat(queue.due(10)).isEmpty();
    }

    @Test
    void lateTickReportsTheDeadlineThatPassedFirst() {
        queue.join(ROBOT, 1);
        queue.ready(ROBOT, 1);
        now.addAndGet(61_000);
        assertThat(queue.tick(ROBOT).event()).as("idle at 15 s came before the turn end")
                .isEqualTo("idle");
    }

    @Test
    void disconnectedDriverKeepsTurnWhenBackWithinGrace() {
        queue.join(ROBOT, 1);
        queue.ready(ROBOT, 1);
        queue.gone(ROBOT, 1);
        now.addAndGet(9_000);
        queue.back(ROBOT, 1);
        queue.touch(ROBOT, 1);
        now.addAndGet(2_000);
        assertThat(queue.tick(ROBOT).changed()).isFalse();
        queue.gone(ROBOT, 1);
        now.addAndGet(10_001);
        assertThat(queue.tick(ROBOT).event()).isEqualTo("disconnected");
    }

    @Test
    void twoInstancesTickingTogetherPromoteOnce(TestStores stores) throws Exception {
        PlayroomQueue other = new PlayroomQueue(redis, SETTINGS, clock());
        for (long user = 1; user <= 5; user++) {
            queue.join(ROBOT, user);
        }
        now.addAndGet(10_001);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<QueueSnapshot>> ticks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ticks.add(i % 2 == 0 ? () -> queue.tick(ROBOT) : () -> other.tick(ROBOT));
            }
            int changes = 0;
            for (Future<QueueSnapshot> tick : pool.invokeAll(ticks)) {
                changes += tick.get().changed() ? 1 : 0;
            }
            assertThat(changes).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(queue.status(ROBOT).driver()).isEqualTo(2L);
    }
}
