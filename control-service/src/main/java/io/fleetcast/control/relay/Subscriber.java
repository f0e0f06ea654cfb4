package io.fleetcast.control.relay;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Owns the pub/sub connection. Channels are reference-counted; the SUBSCRIBE and UNSUBSCRIBE
 * commands are written by one executor thread in the order the counts changed, and the
 * connection is re-established (with every live channel) when Redis goes away.
 */
final class Subscriber implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Subscriber.class.getName());

    private static final class Channel {
        int users;
        final CompletableFuture<Void> confirmed = new CompletableFuture<>();
    }

    private final RedisAddress redis;
    private final Delivery delivery;
    private final String home = "fc:ctl:instance:" + UUID.randomUUID();
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final ExecutorService writer;
    private final Thread reader;
    private volatile CompletableFuture<Listener> connected = new CompletableFuture<>();
    private volatile boolean open = true;

    Subscriber(RedisAddress redis, Delivery delivery) {
        this.redis = redis;
        this.delivery = delivery;
        this.writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("relay-subscriptions").factory());
        this.reader = Thread.ofPlatform().daemon().name("relay-subscriber").start(this::run);
    }

    CompletableFuture<Void> subscribe(String name) {
        Channel channel = channels.compute(name, (key, current) -> {
            Channel next = current == null ? new Channel() : current;
            if (next.users++ == 0) {
                enqueue(listener -> listener.subscribe(key));
            }
            return next;
        });
        return channel.confirmed;
    }

    void unsubscribe(String name) {
        channels.computeIfPresent(name, (key, current) -> {
            if (--current.users > 0) {
                return current;
            }
            enqueue(listener -> listener.unsubscribe(key));
            return null;
        });
    }

    private interface ListenerCommand {
        void apply(Listener listener);
    }

    private void enqueue(ListenerCommand command) {
        if (open) {
            try {
                writer.execute(() -> command(command));
            } catch (RejectedExecutionException e) {
                LOG.log(Level.DEBUG, "relay closing; subscription change dropped");
            }
        }
    }

    private void command(ListenerCommand command) {
        while (open) {
            try {
                command.apply(connected.get(1, TimeUnit.SECONDS));
                return;
            } catch (TimeoutException e) {
                LOG.log(Level.DEBUG, "waiting for the Redis pub/sub connection");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | JedisException e) {
                // The reader reconnects and resubscribes every live channel itself.
                LOG.log(Level.WARNING, "changing a subscription failed", e);
                return;
            }
        }
    }

    private void run() {
        while (open) {
            try (Jedis jedis = redis.blockingConnection()) {
                List<String> initial = new ArrayList<>(channels.keySet());
                initial.add(home);
                jedis.subscribe(new Listener(), initial.toArray(String[]::new));
            } catch (JedisException e) {
                if (open) {
                    LOG.log(Level.WARNING, "Redis pub/sub connection lost; reconnecting", e);
                    connected = new CompletableFuture<>();
                    sleep();
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    private final class Listener extends JedisPubSub {

        @Override
        public void onSubscribe(String channel, int count) {
            if (channel.equals(home)) {
                connected.complete(this);
                return;
            }
            // computeIfPresent waits for a subscribe() still inside its compute(): the
            // confirmation can overtake the map update that asked for it.
            channels.computeIfPresent(channel, (key, state) -> {
                state.confirmed.complete(null);
                return state;
            });
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                delivery.deliver(channel, message);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "delivering a message from " + channel + " failed", e);
            }
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        writer.shutdownNow();
        Listener listener = connected.getNow(null);
        if (listener != null && listener.isSubscribed()) {
            try {
                listener.unsubscribe();
            } catch (JedisException e) {
                LOG.log(Level.DEBUG, "unsubscribing on close", e);
            }
        }
        reader.interrupt();
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
