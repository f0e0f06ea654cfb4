package io.fleetcast.bridge.api;

/**
 * One restream destination in a start body: as {@code RESTREAM_*_URL}/{@code _KEY} (a blank key:
 * the URL ends with it), {@code rung} a rung of the broadcast's ladder (null: the top one).
 * The key is never shown.
 */
public record DestinationRequest(String name, String url, String key, String rung) {
    @Override
    public String toString() {
        return "DestinationRequest[name=" + name + ", rung=" + rung + "]";
    }
}
