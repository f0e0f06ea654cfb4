package io.fleetcast.control.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.store.Redis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * Callers that find the pool full while a connection is still being made. With the pool's
 * default (wait for ever) commons-pool looped without sleeping until the connection was made:
 * a burst of sockets opening at once burnt both cores and starved the thread making it.
 */
class PoolWaitTest {

    private static final Duration SLOW_CONNECT = Duration.ofMillis(1_000);

    private RedisServer redis;
    private int redisPort;

    @BeforeEach
    void startRedis() throws IOException {
        redisPort = freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        redis.start();
    }

    @AfterEach
    void stopRedis() throws IOException {
        redis.stop();
    }

    @Test
    void callersWaitingForAConnectionBeingMadeSleepInsteadOfSpinning() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong waitersCpu = new AtomicLong();
        try (SlowProxy proxy = new SlowProxy(redisPort, SLOW_CONNECT);
                Redis pool = new Redis(RedisAddress.parse("redis://127.0.0.1:" + proxy.port()), 1)) {
            Thread maker = Thread.ofPlatform().start(() -> ping(pool, failures));
            Thread.sleep(200); // the maker is now inside the pool, making the one connection
            List<Thread> waiters = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                waiters.add(Thread.ofPlatform().start(() -> {
                    long start = threads.getCurrentThreadCpuTime();
                    ping(pool, failures);
                    waitersCpu.addAndGet(threads.getCurrentThreadCpuTime() - start);
                }));
            }
            maker.join(10_000);
            for (Thread waiter : waiters) {
                waiter.join(10_000);
            }
        }
        assertThat(failures).as("every caller got the connection in turn").isEmpty();
        // Spinning, the four waiters used about a core-second each while the connection was made.
        assertThat(Duration.ofNanos(waitersCpu.get())).as("CPU of four callers waiting %s", SLOW_CONNECT)
                .isLessThan(Duration.ofMillis(400));
    }

    private static void ping(Redis pool, ConcurrentLinkedQueue<Throwable> failures) {
        try (Jedis jedis = pool.connection()) {
            jedis.ping();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Forwards to Redis, but only after holding each new connection back for a while. */
    private static final class SlowProxy implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0);
        private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();

        SlowProxy(int target, Duration delay) throws IOException {
            Thread.ofPlatform().daemon().start(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        open.add(client);
                        Thread.ofPlatform().daemon().start(() -> forward(client, target, delay));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        private void forward(Socket client, int target, Duration delay) {
            try {
                Thread.sleep(delay);
                Socket server = new Socket("127.0.0.1", target);
                open.add(server);
                Thread.ofPlatform().daemon().start(() -> pipe(server, client));
                pipe(client, server);
            } catch (IOException | InterruptedException e) {
                // The test is over.
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // One side closed.
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : open) {
                socket.close();
            }
        }
    }
}
