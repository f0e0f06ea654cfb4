package io.fleetcast.config;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what was added in reverse order of adding, once, even when one close throws (the
 * cleanup label of FFmpeg's examples as an object). A failed close is never swallowed: after
 * all were closed, {@link #close()} throws one exception carrying the first failure as its
 * cause and the others suppressed.
 */
public final class Closer implements AutoCloseable {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private boolean closed;

    /** Adds {@code resource} (null is ignored) and returns it; added after close, it is closed at once. */
    public <T extends AutoCloseable> T add(T resource) {
        if (resource == null) {
            return null;
        }
        boolean late;
        synchronized (this) {
            late = closed;
            if (!late) {
                resources.push(resource);
            }
        }
        if (late) {
            IllegalStateException failure = closeOne(resource, null);
            if (failure != null) {
                throw failure;
            }
        }
        return resource;
    }

    @Override
    public void close() {
        IllegalStateException failure = null;
        AutoCloseable next;
        while ((next = next()) != null) {
            failure = closeOne(next, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Closes everything on a way out that already failed with {@code primary}: close failures
     * are added to it as suppressed, so the reason the caller is leaving stays the one reported.
     */
    public void closeAfter(Throwable primary) {
        try {
            close();
        } catch (IllegalStateException e) {
            primary.addSuppressed(e);
        }
    }

    private synchronized AutoCloseable next() {
        closed = true;
        return resources.poll();
    }

    private static IllegalStateException closeOne(AutoCloseable resource, IllegalStateException failure) {
        try {
            resource.close();
            return failure;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (failure == null) {
                return new IllegalStateException("closing " + name(resource) + " failed: " + e.getMessage(), e);
            }
            failure.addSuppressed(e);
            return failure;
        }
    }

    private static String name(AutoCloseable resource) {
        String simple = resource.getClass().getSimpleName();
        return simple.isEmpty() || simple.contains("$$Lambda") || simple.contains("Lambda/")
                ? resource.getClass().getName() : simple;
    }
}
