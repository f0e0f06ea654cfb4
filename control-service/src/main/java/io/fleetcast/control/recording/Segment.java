package io.fleetcast.control.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded fMP4 file: where it is stored, when it starts, how long it plays, its size and
 * the length of its initialization section (ftyp + moov, before the first fragment).
 */
public record Segment(String key, Instant start, Duration duration, long size, long initSize) {
    public Segment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("segment " + key + " has a non-positive duration " + duration);
        }
        if (initSize <= 0 || initSize >= size) {
            throw new IllegalArgumentException("segment " + key + " has initSize " + initSize + " outside 1.."
                    + (size - 1) + " (size " + size + ")");
        }
    }

    public Instant end() {
        return start.plus(duration);
    }
}
