package io.fleetcast.control;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what it was given in reverse order, once; a failing close does not stop the others. */
final class Closer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Closer.class.getName());

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private boolean closed;

    synchronized <T extends AutoCloseable> T register(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + resource.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
