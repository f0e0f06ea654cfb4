package io.fleetcast.control.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** The relay survives a Redis restart: it reconnects and resubscribes by itself. */
class RedisRestartTest {

    @Test
    void relayDeliversAgainAfterRedisRestarts() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisServer redis = server(port);
        redis.start();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (Relay sender = new Relay(RedisAddress.parse("redis://127.0.0.1:" + port), (c, p) -> { });
                Relay receiver = new Relay(RedisAddress.parse("redis://127.0.0.1:" + port),
                        (channel, payload) -> received.add(payload))) {
            receiver.subscribe("restart:1").get(3, TimeUnit.SECONDS);
            sender.publish("restart:1", "before");
            assertThat(received.poll(3, TimeUnit.SECONDS)).isEqualTo("before");

            redis.stop();
            redis = server(port);
            redis.start();

            // Publishes while the relay reconnects may be dropped (pub/sub keeps nothing);
            // keep publishing until one arrives.
            String arrived = null;
            for (int i = 0; i < 50 && arrived == null; i++) {
                sender.publish("restart:1", "after");
                arrived = received.poll(200, TimeUnit.MILLISECONDS);
            }
            assertThat(arrived).isEqualTo("after");
        } finally {
            redis.stop();
        }
    }

    private static RedisServer server(int port) throws Exception {
        return RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
    }
}
