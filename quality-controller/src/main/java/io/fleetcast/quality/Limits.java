package io.fleetcast.quality;

/**
 * What the owner allows: a cap (highest state) and/or a pin (exact state). Either may be
 * null. With a pin the bitrate still follows the network, below the pinned state's
 * nominal bitrate, so a pinned stream stays live instead of queueing.
 */
public record Limits(QualityState cap, QualityState pin) {

    public static final Limits NONE = new Limits(null, null);

    public Limits {
        if (cap != null && pin != null && pin.compareTo(cap) > 0) {
            throw new IllegalArgumentException("pin " + pin + " is above cap " + cap);
        }
    }

    public static Limits cap(QualityState cap) {
        return new Limits(cap, null);
    }

    public static Limits pin(QualityState pin) {
        return new Limits(null, pin);
    }

    /** The highest state allowed. */
    public QualityState top() {
        if (pin != null) {
            return pin;
        }
        return cap != null ? cap : QualityState.HIGH;
    }

    /** {@code wanted}, moved into what the owner allows. */
    public QualityState apply(QualityState wanted) {
        if (pin != null) {
            return pin;
        }
        return QualityState.min(wanted, top());
    }
}
