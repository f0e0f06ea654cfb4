package io.fleetcast.quality;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualityControllerTest {

    /** Decides the bitrate the sample's throughput reports, in the state the limits allow. */
    private static final class Echo implements Algorithm<Limits> {
        final List<Limits> seen = new ArrayList<>();

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public Step<Limits> start(long timeMs, Limits limits) {
            return new Step<>(limits, new Decision(timeMs, limits.apply(QualityState.MEDIUM), 2_000_000,
                    Reason.START, ""));
        }

        @Override
        public Step<Limits> step(Limits memory, Sample sample, Limits limits) {
            seen.add(limits);
            QualityState state = limits.apply(QualityState.fitting(sample.ackedBps()));
            long bitrate = Math.min((long) sample.ackedBps(), state.nominalBps());
            return new Step<>(limits, new Decision(sample.timeMs(), state, bitrate, Reason.STEADY, ""));
        }
    }

    private static Sample at(long t, long bps) {
        return new Sample(t, bps / 8.0, 0, 50, 0);
    }

    @Test
    void startsWithTheAlgorithmsFirstDecision() {
        QualityController controller = new QualityController(new Echo(), 5, Limits.NONE);

        assertThat(controller.current().reason()).isEqualTo(Reason.START);
        assertThat(controller.current().timeMs()).isEqualTo(5);
        assertThat(controller.algorithmName()).isEqualTo("echo");
    }

    @Test
    void notifiesListenersOnlyWhenTheDecisionChanges() {
        QualityController controller = new QualityController(new Echo(), 0, Limits.NONE);
        List<Decision> told = new ArrayList<>();
        controller.addListener((previous, current) -> told.add(current));

        controller.onSample(at(100, 2_000_000));   // same as the start: nothing
        controller.onSample(at(200, 2_040_000));   // +2 %: noise
        controller.onSample(at(300, 2_200_000));   // +10 %: tell
        controller.onSample(at(400, 2_210_000));   // noise again
        controller.onSample(at(500, 1_100_000));   // new state: tell

        assertThat(told).extracting(Decision::timeMs).containsExactly(300L, 500L);
        assertThat(controller.current().state()).isEqualTo(QualityState.LOW);
        assertThat(controller.latest().timeMs()).isEqualTo(500);
    }

    @Test
    void aMoveTooSmallToNotifyIsStillVisibleAsLatest() {
        QualityController controller = new QualityController(new Echo(), 0, Limits.NONE);

        Decision inForce = controller.onSample(at(100, 2_040_000));

        assertThat(inForce.bitrateBps()).isEqualTo(2_000_000);
        assertThat(controller.latest().bitrateBps()).isEqualTo(2_040_000);
    }

    @Test
    void listenersSeeThePreviousDecisionToo() {
        QualityController controller = new QualityController(new Echo(), 0, Limits.NONE);
        List<Decision> previous = new ArrayList<>();
        controller.addListener((before, after) -> previous.add(before));

        controller.onSample(at(100, 4_000_000));

        assertThat(previous).extracting(Decision::reason).containsExactly(Reason.START);
    }

    @Test
    void limitsTakeEffectAtTheNextSample() {
        Echo echo = new Echo();
        QualityController controller = new QualityController(echo, 0, Limits.NONE);
        controller.onSample(at(100, 4_000_000));

        controller.setLimits(Limits.cap(QualityState.LOW));
        assertThat(controller.current().state()).isEqualTo(QualityState.HIGH);
        controller.onSample(at(200, 4_000_000));

        assertThat(controller.limits()).isEqualTo(Limits.cap(QualityState.LOW));
        assertThat(echo.seen).containsExactly(Limits.NONE, Limits.cap(QualityState.LOW));
        assertThat(controller.current().state()).isEqualTo(QualityState.LOW);
        assertThat(controller.current().bitrateBps()).isEqualTo(1_200_000);
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        QualityController controller = new QualityController(new Echo(), 0, Limits.NONE);
        List<Decision> told = new ArrayList<>();
        DecisionListener listener = (previous, current) -> told.add(current);
        controller.addListener(listener);
        controller.onSample(at(100, 4_000_000));

        controller.removeListener(listener);
        controller.onSample(at(200, 700_000));

        assertThat(told).hasSize(1);
    }
}
