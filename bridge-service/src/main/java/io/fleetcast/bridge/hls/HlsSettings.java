package io.fleetcast.bridge.hls;

/**
 * @param segmentSeconds target segment duration; segments start at keyframes
 * @param listSize segments kept in each media playlist; 0 keeps all (event playlist)
 */
public record HlsSettings(double segmentSeconds, int listSize) {
    public HlsSettings {
        if (segmentSeconds <= 0) {
            throw new IllegalArgumentException("segment duration must be positive, got " + segmentSeconds);
        }
        if (listSize < 0) {
            throw new IllegalArgumentException("playlist size must be >= 0, got " + listSize);
        }
    }
}
