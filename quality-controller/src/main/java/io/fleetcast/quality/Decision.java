package io.fleetcast.quality;

import java.util.Objects;

/**
 * What the encoder should do now.
 *
 * @param timeMs     time of the sample that produced it
 * @param state      resolution and frame rate to encode at
 * @param bitrateBps encoder bitrate target, never above the state's nominal bitrate
 * @param reason     why, as a code
 * @param detail     why, for people
 */
public record Decision(long timeMs, QualityState state, long bitrateBps, Reason reason, String detail) {

    /** Relative bitrate change worth reconfiguring the encoder for. */
    public static final double RELEVANT_STEP = 0.03;

    public Decision {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        if (bitrateBps <= 0 || bitrateBps > state.nominalBps()) {
            throw new IllegalArgumentException(
                    "bitrateBps must be within 1.." + state.nominalBps() + " for " + state + ", got " + bitrateBps);
        }
    }

    /** Relative bitrate change from {@code previous}: negative when lower. */
    public double bitrateChangeFrom(Decision previous) {
        return (bitrateBps - previous.bitrateBps) / (double) previous.bitrateBps;
    }

    /** Whether the encoder should act on this after {@code previous}: a new state or a bitrate step. */
    public boolean differsFrom(Decision previous) {
        return state != previous.state || Math.abs(bitrateChangeFrom(previous)) >= RELEVANT_STEP;
    }

    @Override
    public String toString() {
        return String.format("%dms %s %s %d kbit/s %s (%s)",
                timeMs, state, state.label(), bitrateBps / 1000, reason, detail);
    }
}
