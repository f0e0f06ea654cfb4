package io.fleetcast.media;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what was registered in reverse order of registration, once, even when one close
 * throws: the cleanup label of FFmpeg's examples as an object.
 */
public final class Closer implements AutoCloseable {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Registers {@code resource} (null is ignored) and returns it. */
    public <T extends AutoCloseable> T add(T resource) {
        if (resource != null) {
            resources.push(resource);
        }
        return resource;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new MediaException("closing a media resource failed", 0, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
