package io.fleetcast.stack;

import java.util.ArrayList;
import java.util.List;

/** What a stack started (processes, sockets), stopped the last started first; a part that fails to stop is reported and the rest still stop. */
public final class ProcessGroup implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProcessGroup.class.getName());
    private final List<AutoCloseable> parts = new ArrayList<>();

    public <T extends AutoCloseable> T add(T part) {
        parts.add(part);
        return part;
    }

    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "stopping " + parts.get(i) + " failed: " + e.getMessage());
            }
        }
        parts.clear();
    }
}
