package io.fleetcast.quality.simulation;

import io.fleetcast.quality.Algorithm;
import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Reason;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A fake algorithm that follows a script of (from time, state, bitrate), and records its samples. */
final class Scripted implements Algorithm<Integer> {

    private final NavigableMap<Long, Decision> script = new TreeMap<>();
    final List<Sample> samples = new ArrayList<>();

    static Scripted fixed(QualityState state, long bitrateBps) {
        return new Scripted().from(0, state, bitrateBps);
    }

    Scripted from(long timeMs, QualityState state, long bitrateBps) {
        script.put(timeMs, new Decision(timeMs, state, bitrateBps, Reason.STEADY, "scripted"));
        return this;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Step<Integer> start(long timeMs, Limits limits) {
        return new Step<>(0, script.floorEntry(timeMs).getValue());
    }

    @Override
    public Step<Integer> step(Integer memory, Sample sample, Limits limits) {
        samples.add(sample);
        return new Step<>(memory + 1, script.floorEntry(sample.timeMs()).getValue());
    }
}
