package io.fleetcast.bridge.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sound pushed to {@code POST /ingest} is what the live audio gives, and silence once the producer stops. */
class IngestTest {
    static final String TOKEN = "test-token-0123456789abcdef";
    static final String PCM = "audio/L16;rate=48000;channels=2";
    private static final int PCM_BYTES_PER_SECOND = LiveAudio.SAMPLE_RATE * 4;

    private JitterBuffer live;
    private AudioEndpoint endpoint;

    static AudioSettings settings() {
        return new AudioSettings(AudioSource.ENDPOINT, null, AudioMix.MIX, TOKEN, 0, Duration.ofMillis(500));
    }

    @BeforeEach
    void start() {
        live = new JitterBuffer(Duration.ofMillis(500));
        endpoint = AudioEndpoint.start(settings(), live);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void pushedPcmIsHeardSampleForSampleOnEachChannel() throws Exception {
        byte[] tone = Tones.pcm(1.0);
        Heard heard;
        try (Producer producer = Producer.post(endpoint.uri(), "/ingest", TOKEN, PCM)) {
            Thread pushing = Thread.ofVirtual().start(() -> pushPcm(producer, tone));
            heard = Heard.listen(live, Duration.ofSeconds(5), tone.length / 4);
            pushing.join();
            Producer.Response response = producer.finish();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("1.0 s of audio").contains(tone.length + " bytes");
        }

        assertThat(heard.samples).isEqualTo(tone.length / 4);
        assertThat(Arrays.copyOf(heard.left, heard.samples)).containsExactly(Tones.channel(tone, 0));
        assertThat(Arrays.copyOf(heard.right, heard.samples)).containsExactly(Tones.channel(tone, 1));
        assertThat(Pitch.dominant(heard.left, 0, 24_000)).isCloseTo(Tones.LEFT_HZ, within(2.0));
        assertThat(Pitch.dominant(heard.right, 24_000, 24_000)).isCloseTo(Tones.RIGHT_HZ, within(2.0));
    }

    @Test
    void pushedAdtsAt44kIsHeardAtItsFrequenciesResampledTo48k(@TempDir Path dir) throws Exception {
        byte[] aac = Tones.adts(1.5, 44_100, dir);
        Heard heard;
        try (Producer producer = Producer.post(endpoint.uri(), "/ingest", TOKEN, "audio/aac")) {
            // 1000-byte chunks split ADTS frames anywhere: the parser must join them.
            Thread pushing = Thread.ofVirtual().start(() -> push(producer, aac, 1000, 128_000 / 8.0 * 1.5));
            heard = Heard.listen(live, Duration.ofSeconds(6), 60_000);
            pushing.join();
            assertThat(producer.finish().status()).isEqualTo(200);
        }

        assertThat(heard.samples).as("1.5 s at 44.1 kHz is about 72000 samples at 48 kHz")
                .isGreaterThanOrEqualTo(60_000);
        // Skip the encoder's priming and the resampler's start; then a quarter second per check.
        assertThat(Pitch.dominant(heard.left, 4_800, 12_000)).isCloseTo(Tones.LEFT_HZ, within(4.0));
        assertThat(Pitch.dominant(heard.right, 4_800, 12_000)).isCloseTo(Tones.RIGHT_HZ, within(4.0));
        assertThat(Pitch.dominant(heard.left, 40_000, 12_000)).isCloseTo(Tones.LEFT_HZ, within(4.0));
        assertThat(Pitch.rms(heard.left, 4_800, 48_000)).as("half scale sine: rms 0.35").isBetween(0.3, 0.4);
        // A 660 Hz sine at half scale moves at most 0.043 per sample at 48 kHz: no splices between frames.
        assertThat(Pitch.largestStep(heard.right, 4_800, heard.samples - 9_600)).isLessThan(0.06);
    }

    @Test
    void silenceWithinOneSecondOfTheProducerStoppingEvenWithSoundStillBuffered() throws Exception {
        byte[] tone = Tones.pcm(1.8);
        try (Producer producer = Producer.post(endpoint.uri(), "/ingest", TOKEN, PCM)) {
            // 1.8 s sent at once, then nothing on an open connection: the producer hung.
            producer.send(tone, 0, tone.length);
            long sent = System.nanoTime();
            Heard heard = Heard.listen(live, Duration.ofMillis(2500), 0);

            assertThat(heard.samples).as("some sound, but not all 1.8 s").isBetween(4_800, tone.length / 4 - 4_800);
            assertThat(Duration.ofNanos(heard.lastSoundNanos - sent)).isLessThan(Duration.ofSeconds(1));
            assertThat(heard.silentReadsAfterSound).as("reads went on, giving silence").isGreaterThan(50);
            assertThat(Duration.ofNanos(heard.slowestReadNanos)).as("no read waited").isLessThan(Duration.ofMillis(50));
        }
    }

    static void push(Producer producer, byte[] bytes, int chunk, double bytesPerSecond) {
        try {
            producer.sendPaced(bytes, chunk, bytesPerSecond, 2.0);
        } catch (Exception e) {
            throw new AssertionError("pushing failed", e);
        }
    }

    static void pushPcm(Producer producer, byte[] bytes) {
        push(producer, bytes, 3840, PCM_BYTES_PER_SECOND);
    }
}
