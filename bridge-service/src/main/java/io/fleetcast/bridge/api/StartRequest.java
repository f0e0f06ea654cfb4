package io.fleetcast.bridge.api;

import java.util.List;

/**
 * The optional body of {@code POST /api/broadcasts/{name}/start}; a field left out keeps the
 * bridge's configuration (the main broadcast's {@code AUTOSTART_INPUT_URL}, {@code LADDER},
 * the {@code RESTREAM_*} destinations). {@code destinations: []} restreams nowhere.
 */
public record StartRequest(String inputUrl, String ladder, List<DestinationRequest> destinations) {
    public static final StartRequest EMPTY = new StartRequest(null, null, null);

    public boolean overrides() {
        return inputUrl != null || ladder != null || destinations != null;
    }
}
