package io.fleetcast.control.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.util.concurrent.BlockingQueue;
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
}
