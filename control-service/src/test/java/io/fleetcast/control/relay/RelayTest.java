package io.fleetcast.control.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoresExtension.class)
class RelayTest {

    @Test
    void deliversToEverySubscribedInstanceAndStopsAfterUnsubscribe(TestStores stores)
            throws Exception {
        RedisAddress redis = new RedisAddress(stores.redisUri());
        BlockingQueue<String> first = new LinkedBlockingQueue<>();
        BlockingQueue<String> second = new LinkedBlockingQueue<>();
        try (Relay a = new Relay(redis, (channel, payload) -> first.add(channel + "=" + payload));
                Relay b = new Relay(redis, (channel, payload) -> second.add(channel + "=" + payload))) {
            for (int i = 0; i < 5; i++) {
                a.subscribe("t:" + i).get(3, TimeUnit.SECONDS);
                b.subscribe("t:" + i).get(3, TimeUnit.SECONDS);
            }
            a.publish("t:3", "hello");
            assertThat(first.poll(3, TimeUnit.SECONDS)).isEqualTo("t:3=hello");
            assertThat(second.poll(3, TimeUnit.SECONDS)).isEqualTo("t:3=hello");

            b.unsubscribe("t:4");
            // Subscription changes run in order on one connection: once this one is
            // confirmed, the unsubscribe before it has taken effect.
            b.subscribe("t:9").get(3, TimeUnit.SECONDS);
            a.publish("t:4", "only-a");
            a.publish("t:0", "both");
            assertThat(first.poll(3, TimeUnit.SECONDS)).isEqualTo("t:4=only-a");
            assertThat(first.poll(3, TimeUnit.SECONDS)).isEqualTo("t:0=both");
            assertThat(second.poll(3, TimeUnit.SECONDS)).isEqualTo("t:0=both");
        }
    }

    @Test
    void spreadsRobotsOverItsConnectionsKeepingEachRobotOnOneInOrder(TestStores stores)
            throws Exception {
        RedisAddress redis = new RedisAddress(stores.redisUri());
        int robots = 12;
        int each = 50;
        Map<String, List<String>> received = new ConcurrentHashMap<>();
        Map<Long, Set<Long>> threadsOfRobot = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(robots * 2 * each);
        Delivery delivery = (channel, payload) -> {
            received.computeIfAbsent(channel, c -> new ArrayList<>()).add(payload);
            threadsOfRobot.computeIfAbsent(Channels.robotOf(channel), r -> ConcurrentHashMap.newKeySet())
                    .add(Thread.currentThread().threadId());
            all.countDown();
        };
        try (Relay sender = new Relay(redis, (channel, payload) -> { });
                Relay receiver = new Relay(redis, delivery, nanos -> { }, 3)) {
            for (long robot = 1; robot <= robots; robot++) {
                receiver.subscribe(Channels.toRobot(robot)).get(3, TimeUnit.SECONDS);
                receiver.subscribe(Channels.toWatchers(robot)).get(3, TimeUnit.SECONDS);
            }
            for (int i = 0; i < each; i++) {
                for (long robot = 1; robot <= robots; robot++) {
                    sender.publish(Channels.toRobot(robot), "c" + i);
                    sender.publish(Channels.toWatchers(robot), "s" + i);
                }
            }
            assertThat(all.await(10, TimeUnit.SECONDS)).as("every message delivered").isTrue();
        }
        for (long robot = 1; robot <= robots; robot++) {
            List<String> commands = new ArrayList<>();
            List<String> states = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                commands.add("c" + i);
                states.add("s" + i);
            }
            assertThat(received.get(Channels.toRobot(robot))).as("robot %d's commands in order", robot)
                    .isEqualTo(commands);
            assertThat(received.get(Channels.toWatchers(robot))).as("robot %d's states in order", robot)
                    .isEqualTo(states);
            assertThat(threadsOfRobot.get(robot)).as("threads delivering robot %d", robot).hasSize(1);
        }
        Set<Long> threads = new HashSet<>();
        threadsOfRobot.values().forEach(threads::addAll);
        assertThat(threads).as("delivering threads").hasSize(3);
    }
}
