package io.fleetcast.control.relay;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Owns one Redis connection and one thread that drains the outbox: whatever accumulated while
 * the previous batch was in flight goes out as one pipeline, so a burst costs one round trip.
 */
final class Publisher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Publisher.class.getName());
    private static final int BATCH = 512;

    private record Outgoing(String channel, String payload, long queuedAt) {
    }

    private final RedisAddress redis;
    private final BlockingQueue<Outgoing> outbox = new LinkedBlockingQueue<>(100_000);
    private final Thread thread;
    private final LongConsumer published;
    private volatile boolean open = true;

    Publisher(RedisAddress redis, LongConsumer published) {
        this.redis = redis;
        this.published = published;
        this.thread = Thread.ofPlatform().daemon().name("relay-publisher").start(this::run);
    }

    void publish(String channel, String payload) {
        if (!outbox.offer(new Outgoing(channel, payload, System.nanoTime()))) {
            LOG.log(Level.WARNING, "relay outbox full, dropping a message for {0}", channel);
        }
    }

    private void run() {
        List<Outgoing> batch = new ArrayList<>(BATCH);
        Jedis jedis = null;
        while (open) {
            try {
                Outgoing first = outbox.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outbox.drainTo(batch, BATCH - 1);
                if (jedis == null) {
                    jedis = redis.connection();
                }
                Pipeline pipeline = jedis.pipelined();
                for (Outgoing out : batch) {
                    pipeline.publish(out.channel(), out.payload());
                }
                pipeline.sync();
                long now = System.nanoTime();
                for (Outgoing out : batch) {
                    published.accept(now - out.queuedAt());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (JedisException e) {
                LOG.log(Level.WARNING, "publishing to Redis failed, dropped " + batch.size()
                        + " messages; reconnecting", e);
                closeQuietly(jedis);
                jedis = null;
                pause();
            } finally {
                batch.clear();
            }
        }
        closeQuietly(jedis);
    }

    private void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    private static void closeQuietly(Jedis jedis) {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (JedisException e) {
                LOG.log(Level.DEBUG, "closing a broken Redis connection", e);
            }
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
