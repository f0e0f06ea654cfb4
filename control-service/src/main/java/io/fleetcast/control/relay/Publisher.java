package io.fleetcast.control.relay;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Owns one Redis connection and one thread that drains the outbox: whatever accumulated while
 * the previous batch was in flight goes out as one pipeline, so a burst costs one round trip.
 * Publishing never takes a lock (a locked queue made thousands of socket threads queue up on
 * it under load): frames go into a lock-free queue and the thread is woken only when it sleeps.
 */
final class Publisher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Publisher.class.getName());
    private static final int BATCH = 512;

    private record Outgoing(String channel, String payload, long queuedAt) {
    }

    private final RedisAddress redis;
    private static final int CAPACITY = 100_000;
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Queue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final Thread thread;
    private final LongConsumer published;
    private volatile boolean open = true;

    Publisher(RedisAddress redis, LongConsumer published) {
        this.redis = redis;
        this.published = published;
        this.thread = Thread.ofPlatform().daemon().name("relay-publisher").start(this::run);
    }

    void publish(String channel, String payload) {
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            LOG.log(Level.WARNING, "relay outbox full, dropping a message for {0}", channel);
            return;
        }
        outbox.add(new Outgoing(channel, payload, System.nanoTime()));
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            LockSupport.unpark(thread);
        }
    }

    /** Moves up to {@link #BATCH} queued messages into {@code batch}, sleeping while there are none. */
    private void take(List<Outgoing> batch) throws InterruptedException {
        while (open) {
            for (Outgoing next; batch.size() < BATCH && (next = outbox.poll()) != null; ) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                queued.addAndGet(-batch.size());
                return;
            }
            sleeping.set(true);
            // A message added before the flag was set woke nobody: look once more first.
            if (outbox.isEmpty()) {
                LockSupport.parkNanos(this, IDLE_NANOS);
            }
            sleeping.set(false);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private void run() {
        List<Outgoing> batch = new ArrayList<>(BATCH);
        Jedis jedis = null;
        while (open) {
            try {
                take(batch);
                if (batch.isEmpty()) {
                    continue;
                }
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
