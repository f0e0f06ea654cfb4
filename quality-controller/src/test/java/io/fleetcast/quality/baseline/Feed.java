package io.fleetcast.quality.baseline;

import io.fleetcast.quality.Algorithm;
import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.Step;

import java.util.ArrayList;
import java.util.List;

/** Feeds an algorithm samples every 100 ms with given measurements, and keeps its decisions. */
final class Feed<M> {

    private final Algorithm<M> algorithm;
    private Step<M> step;
    private long now;
    final List<Decision> decisions = new ArrayList<>();

    Feed(Algorithm<M> algorithm) {
        this.algorithm = algorithm;
        this.step = algorithm.start(0, Limits.NONE);
        decisions.add(step.decision());
    }

    Feed<M> run(long ms, double ackedBps, long queueBytes, double rttMs, double loss) {
        long end = now + ms;
        while (now < end) {
            now += 100;
            step = algorithm.step(step.memory(), new Sample(now, ackedBps / 8, queueBytes, rttMs, loss), Limits.NONE);
            decisions.add(step.decision());
        }
        return this;
    }

    Decision last() {
        return step.decision();
    }

    M memory() {
        return step.memory();
    }

    long now() {
        return now;
    }

    /** Time of the first decision at or after {@code fromMs} whose detail contains {@code text}. */
    long firstTime(long fromMs, String text) {
        return decisions.stream().filter(d -> d.timeMs() >= fromMs && d.detail().contains(text))
                .mapToLong(Decision::timeMs).findFirst().orElse(-1);
    }
}
