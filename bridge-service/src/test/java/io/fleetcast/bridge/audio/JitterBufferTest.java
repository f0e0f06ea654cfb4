package io.fleetcast.bridge.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.Frame;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    /** 1 s capacity, 10 ms (480 samples) prime, 500 ms stale time, on the fake clock. */
    private JitterBuffer buffer() {
        return new JitterBuffer(Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMillis(500), now::get);
    }

    private static float[] ramp(int from, int count) {
        float[] samples = new float[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (from + i) / 100_000f;
        }
        return samples;
    }

    private static float[] negated(float[] samples) {
        float[] out = samples.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
        return out;
    }

    @Test
    void readsTheOldestSamplesFirstOnBothChannels() {
        JitterBuffer buffer = buffer();
        buffer.write(ramp(0, 600), negated(ramp(0, 600)), 600);
        buffer.write(ramp(600, 600), negated(ramp(600, 600)), 600);
        float[] left = new float[1000];
        float[] right = new float[1000];

        assertThat(buffer.read(left, right, 1000)).isEqualTo(1000);
        assertThat(left).containsExactly(ramp(0, 1000));
        assertThat(right).containsExactly(negated(ramp(0, 1000)));
        assertThat(buffer.buffered()).isEqualTo(200);
    }

    @Test
    void padsAnUnderrunWithSilenceThenWaitsForThePrimeAgain() {
        JitterBuffer buffer = buffer();
        buffer.write(ramp(0, 600), ramp(0, 600), 600);
        float[] left = new float[1000];
        float[] right = new float[1000];

        assertThat(buffer.read(left, right, 1000)).isEqualTo(600);
        assertThat(left).startsWith(ramp(0, 600));
        assertThat(java.util.Arrays.copyOfRange(left, 600, 1000)).containsOnly(0f);

        buffer.write(ramp(600, 300), ramp(600, 300), 300);
        assertThat(buffer.read(left, right, 100)).as("300 samples are less than the 480 of the prime").isZero();
        buffer.write(ramp(900, 300), ramp(900, 300), 300);
        assertThat(buffer.read(left, right, 100)).isEqualTo(100);
        assertThat(java.util.Arrays.copyOf(left, 100)).containsExactly(ramp(600, 100));
    }

    @Test
    void turnsSilentOnceNothingWasWrittenForTheStaleTime() {
        JitterBuffer buffer = buffer();
        buffer.write(ramp(0, 24_000), ramp(0, 24_000), 24_000);
        float[] left = new float[480];
        float[] right = new float[480];
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(buffer.read(left, right, 480)).as("exactly the stale time: still fresh").isEqualTo(480);

        now.addAndGet(1);
        assertThat(buffer.read(left, right, 480)).isZero();
        assertThat(left).containsOnly(0f);
        assertThat(buffer.buffered()).as("the rest was dropped").isZero();
        assertThat(buffer.droppedSamples()).isEqualTo(24_000 - 480);

        buffer.write(ramp(0, 480), ramp(0, 480), 480);
        assertThat(buffer.read(left, right, 480)).as("a producer back is heard again").isEqualTo(480);
    }

    @Test
    void dropsTheOldestSamplesBeyondItsCapacity() {
        JitterBuffer buffer = buffer();
        buffer.write(ramp(0, 40_000), ramp(0, 40_000), 40_000);
        buffer.write(ramp(40_000, 40_000), ramp(40_000, 40_000), 40_000);
        assertThat(buffer.buffered()).isEqualTo(48_000);
        assertThat(buffer.droppedSamples()).isEqualTo(32_000);
        float[] left = new float[48_000];
        float[] right = new float[48_000];

        buffer.read(left, right, 48_000);

        assertThat(left).containsExactly(ramp(32_000, 48_000));
    }

    @Test
    void oneProducerAndOneReaderOnTwoThreadsLoseNothing() throws InterruptedException {
        JitterBuffer buffer = new JitterBuffer(Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(1),
                System::nanoTime);
        int total = 480_000;
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int at = 0; at < total; at += 1000) {
                buffer.write(ramp(at, 1000), ramp(at, 1000), 1000);
                while (buffer.buffered() > 40_000) {
                    Thread.onSpinWait();
                }
            }
        });
        float[] left = new float[777];
        float[] right = new float[777];
        int heard = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (heard < total && System.nanoTime() < deadline) {
            int fresh = buffer.read(left, right, 777);
            for (int i = 0; i < fresh; i++) {
                assertThat(left[i]).isEqualTo((heard + i) / 100_000f);
                assertThat(right[i]).isEqualTo(left[i]);
            }
            heard += fresh;
        }
        producer.join();
        assertThat(heard).isEqualTo(total);
        assertThat(buffer.droppedSamples()).isZero();
    }

    @Test
    void fillsAnFltpStereoFrame() {
        JitterBuffer buffer = buffer();
        buffer.write(ramp(0, 1024), negated(ramp(0, 1024)), 1024);
        try (Frame frame = new Frame()) {
            frame.av().format(AV_SAMPLE_FMT_FLTP);
            frame.av().sample_rate(LiveAudio.SAMPLE_RATE);
            frame.av().nb_samples(1024);
            av_channel_layout_default(frame.av().ch_layout(), 2);
            AvCall.check("av_frame_get_buffer", av_frame_get_buffer(frame.av(), 0));

            assertThat(buffer.read(frame)).isEqualTo(1024);

            float[] left = new float[1024];
            float[] right = new float[1024];
            new FloatPointer(frame.av().data(0)).get(left);
            new FloatPointer(frame.av().data(1)).get(right);
            assertThat(left).containsExactly(ramp(0, 1024));
            assertThat(right).containsExactly(negated(ramp(0, 1024)));
        }
    }

    @Test
    void refusesAStaleTimeOverOneSecond() {
        assertThatThrownBy(() -> new JitterBuffer(Duration.ofMillis(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 s");
    }
}
