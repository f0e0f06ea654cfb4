package io.fleetcast.quality.simulation;

import io.fleetcast.quality.QualityState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EncoderTest {

    private final LinkModel model = LinkModel.defaults();

    private List<Frame> run(Encoder encoder, long fromMs, long toMs) {
        List<Frame> frames = new ArrayList<>();
        for (long t = fromMs; t < toMs; t++) {
            Frame f = encoder.poll(t);
            if (f != null) {
                frames.add(f);
            }
        }
        return frames;
    }

    @Test
    void producesTheStateFrameRateAndAveragesTheBitrate() {
        Encoder encoder = new Encoder(model, QualityState.MEDIUM, 2_000_000);

        List<Frame> frames = run(encoder, 0, 10_000);

        assertThat(frames).hasSize(300);
        double bits = frames.stream().mapToLong(f -> f.bytes).sum() * 8.0;
        assertThat(bits / 10).isCloseTo(2_000_000, within(60_000.0));
    }

    @Test
    void startsEveryGopWithALargerKeyframe() {
        Encoder encoder = new Encoder(model, QualityState.LOW, 1_200_000);

        List<Frame> frames = run(encoder, 0, 4_000);

        assertThat(frames.get(0).keyframe).isTrue();
        assertThat(frames.stream().filter(f -> f.keyframe).count()).isEqualTo(2);
        double predicted = frames.stream().filter(f -> !f.keyframe).mapToLong(f -> f.bytes).average().orElseThrow();
        assertThat(frames.get(0).bytes / predicted).isGreaterThan(2.0);
    }

    @Test
    void aNewStateOrADropStartsANewGop() {
        Encoder encoder = new Encoder(model, QualityState.HIGH, 4_000_000);
        run(encoder, 0, 500);

        encoder.configure(QualityState.MEDIUM, 2_000_000);
        assertThat(run(encoder, 500, 540).get(0).keyframe).isTrue();
        assertThat(run(encoder, 540, 600)).noneMatch(f -> f.keyframe);

        encoder.requestKeyframe();
        assertThat(run(encoder, 600, 640).get(0).keyframe).isTrue();
    }

    @Test
    void forcedKeyframesArePaidBackSoTheOutputStillAveragesTheTarget() {
        Encoder encoder = new Encoder(model, QualityState.MEDIUM, 2_000_000);
        List<Frame> frames = new ArrayList<>();
        for (long t = 0; t < 10_000; t++) {
            if (t % 250 == 0) {
                encoder.requestKeyframe();
            }
            Frame f = encoder.poll(t);
            if (f != null) {
                frames.add(f);
            }
        }

        assertThat(frames.stream().filter(f -> f.keyframe).count()).isEqualTo(40);
        double bits = frames.stream().mapToLong(f -> f.bytes).sum() * 8.0;
        assertThat(bits / 10).isCloseTo(2_000_000, within(150_000.0));
    }

    @Test
    void aBitrateChangeAloneKeepsTheGop() {
        Encoder encoder = new Encoder(model, QualityState.HIGH, 4_000_000);
        run(encoder, 0, 500);

        encoder.configure(QualityState.HIGH, 3_000_000);

        assertThat(run(encoder, 500, 600)).noneMatch(f -> f.keyframe);
    }
}
