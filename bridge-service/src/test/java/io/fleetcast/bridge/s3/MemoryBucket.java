package io.fleetcast.bridge.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A bucket in memory that can be taken down (every call fails) or made to hang. */
final class MemoryBucket implements Bucket {
    record Stored(byte[] body, ObjectKind kind) {
    }

    private final Map<String, Stored> objects = new HashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger hanging = new AtomicInteger();
    private volatile boolean down;
    private volatile CountDownLatch hang = new CountDownLatch(0);

    void down(boolean down) {
        this.down = down;
    }

    /** Calls block until {@link #release()}. */
    void hang() {
        hang = new CountDownLatch(1);
    }

    void release() {
        hang.countDown();
    }

    /** Calls blocked by {@link #hang()} right now. */
    int hanging() {
        return hanging.get();
    }

    int failures() {
        return failures.get();
    }

    @Override
    public void put(String name, Path file, ObjectKind kind) {
        try {
            store(name, new Stored(Files.readAllBytes(file), kind));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(String name, String text, ObjectKind kind) {
        store(name, new Stored(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), kind));
    }

    @Override
    public void delete(String name) {
        call(name);
        synchronized (this) {
            objects.remove(name);
        }
    }

    synchronized boolean contains(String name) {
        return objects.containsKey(name);
    }

    synchronized Stored get(String name) {
        return objects.get(name);
    }

    synchronized String text(String name) {
        Stored stored = objects.get(name);
        return stored == null ? null : new String(stored.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    synchronized long count(String suffix) {
        return objects.keySet().stream().filter(k -> k.endsWith(suffix)).count();
    }

    private void store(String name, Stored stored) {
        call(name);
        synchronized (this) {
            objects.put(name, stored);
        }
    }

    private void call(String name) {
        hanging.incrementAndGet();
        try {
            hang.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hanging.decrementAndGet();
        }
        if (down) {
            failures.incrementAndGet();
            throw new BucketException("memory bucket is down: " + name, null);
        }
    }

    @Override
    public void close() {
        release();
    }

    @Override
    public String toString() {
        return "memory bucket";
    }
}
