package io.fleetcast.quality.baseline;

import io.fleetcast.quality.Algorithm;
import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Reason;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.Step;

import java.util.Locale;
import java.util.Objects;

/**
 * Reference point, not a contender: one state at its nominal bitrate whatever the network
 * does. It shows what the metrics say about no adaptation at all (with a dropping sender,
 * a fixed high rate keeps the link busy and its mean bitrate looks good; the dropped share
 * is what gives it away).
 */
public final class FixedAlgorithm implements Algorithm<QualityState> {

    private final QualityState state;

    public FixedAlgorithm(QualityState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    @Override
    public String name() {
        return "fixed-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Step<QualityState> start(long timeMs, Limits limits) {
        return new Step<>(state, decision(timeMs, limits, Reason.START));
    }

    @Override
    public Step<QualityState> step(QualityState memory, Sample sample, Limits limits) {
        return new Step<>(memory, decision(sample.timeMs(), limits, Reason.STEADY));
    }

    private Decision decision(long timeMs, Limits limits, Reason reason) {
        QualityState s = limits.apply(state);
        return new Decision(timeMs, s, s.nominalBps(), reason, "fixed at " + s.label());
    }
}
