package io.fleetcast.bridge.broadcast;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The slate of a live broadcast.
 *
 * @param after how long without a source picture before the slate shows (zero: never)
 * @param image the picture to show, or null for a generated card
 */
public record SlateSettings(Duration after, Path image) {
    public static final Duration DEFAULT_AFTER = Duration.ofSeconds(1);

    public boolean enabled() {
        return !after.isZero();
    }
}
