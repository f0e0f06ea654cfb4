package io.fleetcast.bridge.api;

import io.fleetcast.bridge.metrics.BroadcastMetrics;

/** Builds and starts the parts of one broadcast; what {@link BroadcastManager} needs from the media side. */
public interface Launcher {
    Running launch(BroadcastSpec spec);

    /** A started broadcast: its figures, and close() stops it and frees its parts in reverse order. */
    interface Running extends AutoCloseable {
        BroadcastMetrics metrics();

        @Override
        void close();
    }
}
