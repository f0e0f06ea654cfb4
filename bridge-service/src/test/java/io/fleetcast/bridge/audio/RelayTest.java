package io.fleetcast.bridge.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayTest {
    private static final Duration NOW = Duration.ofMillis(50);

    @Test
    void aListenerWaitingForAProducerGetsItsContentTypeThenItsBytesThenTheEnd() throws InterruptedException {
        Relay relay = new Relay(10_000);
        Relay.Listener listener = relay.listen();
        assertThat(listener.next(NOW)).as("nobody pushes yet").isNull();

        try (Relay.Session session = relay.begin("audio/aac")) {
            session.send(new byte[] {1, 2});
            session.send(new byte[] {3});
        }

        assertThat(listener.next(NOW)).isEqualTo(new Relay.Start("audio/aac"));
        assertThat(((Relay.Chunk) listener.next(NOW)).bytes()).containsExactly(1, 2);
        assertThat(((Relay.Chunk) listener.next(NOW)).bytes()).containsExactly(3);
        assertThat(listener.next(NOW)).isEqualTo(new Relay.End("producer stopped"));
        assertThat(relay.listeners()).isZero();
    }

    @Test
    void aSlowListenerIsDroppedWhileTheProducerAndTheOthersGoOn() throws InterruptedException {
        Relay relay = new Relay(1000);
        Relay.Listener slow = relay.listen();
        Relay.Listener fast = relay.listen();
        int chunks = 0;
        try (Relay.Session session = relay.begin("audio/L16;rate=48000;channels=2")) {
            assertThat(fast.next(NOW)).isInstanceOf(Relay.Start.class);
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                session.send(new byte[200]);
                if (fast.next(NOW) instanceof Relay.Chunk) {
                    chunks++;
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(relay.listeners()).as("the slow one is gone").isEqualTo(1);
        }
        assertThat(chunks).isEqualTo(20);
        Relay.Item item = slow.next(NOW);
        assertThat(item).isInstanceOf(Relay.End.class);
        assertThat(((Relay.End) item).reason()).startsWith("too slow");
    }

    @Test
    void closingEndsEveryListener() throws InterruptedException {
        Relay relay = new Relay(1000);
        Relay.Listener listener = relay.listen();
        relay.close();
        assertThat(listener.next(NOW)).isEqualTo(new Relay.End("endpoint closing"));
        assertThat(relay.listen().next(NOW)).isEqualTo(new Relay.End("endpoint closing"));
    }
}
