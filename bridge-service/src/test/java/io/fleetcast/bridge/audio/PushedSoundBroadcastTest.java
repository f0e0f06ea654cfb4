package io.fleetcast.bridge.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;

import io.fleetcast.bridge.broadcast.LiveSound;
import io.fleetcast.bridge.broadcast.Pipeline;
import io.fleetcast.bridge.broadcast.RunSettings;
import io.fleetcast.bridge.broadcast.SlateSettings;
import io.fleetcast.bridge.encoder.EncoderOptions;
import io.fleetcast.bridge.gpu.VideoPath;
import io.fleetcast.bridge.hls.HlsOutput;
import io.fleetcast.bridge.hls.HlsSettings;
import io.fleetcast.bridge.hls.LocalDirectory;
import io.fleetcast.bridge.ingest.InputSettings;
import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.InputMedia;
import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sound pushed to the endpoint, heard in what the broadcast's HLS output carries. */
class PushedSoundBroadcastTest {
    private static final String TOKEN = "a-test-token-0123456789";
    /** Half a second at 48 kHz. */
    private static final int WINDOW = LiveAudio.SAMPLE_RATE / 2;

    @Test
    void pcmAndAacPushedInAreMixedOverTheSourceAndSilenceFollowsWhileGarbageChangesNothing(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 14, true, 800_000, "ultrafast").writeTo(file);
        byte[] aac = Tones.adts(2.5, 44_100, dir);
        String url = "tcp://127.0.0.1:" + freePort();
        Path hls = dir.resolve("hls");
        LocalDirectory directory = new LocalDirectory(hls);
        AudioSettings settings = new AudioSettings(AudioSource.ENDPOINT, null, AudioMix.MIX, TOKEN, 0,
                Duration.ofMillis(500));
        ExecutorService camera = Executors.newSingleThreadExecutor();
        try (AudioParts audio = AudioParts.start(settings);
             Pipeline pipeline = new Pipeline(input(url), run(), new SlateSettings(SlateSettings.DEFAULT_AFTER, null),
                     List.of(new HlsOutput(directory, hls.resolve(".staging"), new HlsSettings(2.0, 0))),
                     new LiveSound(audio.live(), AudioMix.MIX), null, VideoPath.inMemory("libx264", "test"), Duration.ofSeconds(60))) {
            Future<Double> publishing = camera.submit(() -> publish(file, url));
            pipeline.start();
            URI base = URI.create("http://127.0.0.1:" + audio.endpoint().port());
            Thread.sleep(3000);
            try (Producer pcm = Producer.post(base, "/ingest", TOKEN, "audio/L16;rate=48000;channels=2")) {
                pcm.sendPaced(Tones.pcm(2.5), 4800, 192_000, 1.0);
                assertThat(pcm.finish().status()).isLessThan(300);
            }
            assertThat(garbage(base)).isEqualTo(400);
            Thread.sleep(1500);
            try (Producer adts = Producer.post(base, "/ingest", TOKEN, "audio/aac")) {
                adts.sendPaced(aac, 1024, aac.length / 2.5, 1.0);
                assertThat(adts.finish().status()).isLessThan(300);
            }
            assertThat(publishing.get(60, TimeUnit.SECONDS)).isGreaterThan(12);
        } finally {
            camera.shutdownNow();
        }
        float[] right = decodedRight(hls.resolve("360p/index.m3u8"));
        List<Boolean> tone = new ArrayList<>();
        for (int at = 0; at + WINDOW <= right.length; at += WINDOW) {
            tone.add(Math.abs(Pitch.dominant(right, at, WINDOW) - Tones.RIGHT_HZ) <= 4);
        }
        assertThat(runs(tone)).as("half seconds with the pushed 660 Hz on the right: " + tone)
                .hasSize(2).allSatisfy(length -> assertThat(length).isGreaterThanOrEqualTo(3));
        assertThat(tone.subList(tone.size() - 4, tone.size())).as("after the producer stopped").containsOnly(false);
    }

    /** Posts a body that is not ADTS; the PCM producer's slot may take a moment to free (409 meanwhile). */
    private static int garbage(URI base) throws Exception {
        byte[] noise = "this is not an ADTS stream, just words".repeat(2000).getBytes(StandardCharsets.US_ASCII);
        int status = 409;
        for (int attempt = 0; attempt < 20 && status == 409; attempt++) {
            try (Producer garbage = Producer.post(base, "/ingest", TOKEN, "audio/aac")) {
                garbage.send(noise, 0, noise.length);
                status = garbage.response().status();
            }
            if (status == 409) {
                Thread.sleep(100);
            }
        }
        return status;
    }

    /** Lengths of the runs of true. */
    private static List<Integer> runs(List<Boolean> flags) {
        List<Integer> runs = new ArrayList<>();
        int length = 0;
        for (boolean flag : flags) {
            if (flag) {
                length++;
            } else if (length > 0) {
                runs.add(length);
                length = 0;
            }
        }
        if (length > 0) {
            runs.add(length);
        }
        return runs;
    }

    /** The right channel of the whole playlist's sound, decoded by FFmpeg. */
    private static float[] decodedRight(Path playlist) {
        List<float[]> pieces = new ArrayList<>();
        int total = 0;
        try (InputMedia input = new InputMedia(playlist.toString(), Map.of(), () -> false);
             Packet packet = new Packet(); Frame frame = new Frame()) {
            int index = input.bestStream(AVMEDIA_TYPE_AUDIO);
            try (Decoder decoder = new Decoder(input.stream(index), null)) {
                while (input.read(packet)) {
                    if (packet.av().stream_index() == index) {
                        decoder.send(packet);
                        while (decoder.receive(frame) == Pull.FRAME) {
                            float[] samples = new float[frame.av().nb_samples()];
                            new FloatPointer(frame.av().extended_data(1)).get(samples);
                            pieces.add(samples);
                            total += samples.length;
                            frame.unref();
                        }
                    }
                    packet.unref();
                }
            }
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] piece : pieces) {
            System.arraycopy(piece, 0, all, at, piece.length);
            at += piece.length;
        }
        return all;
    }

    private static InputSettings input(String url) {
        return new InputSettings(url, Duration.ofSeconds(5), InputSettings.DEFAULT_PROBE_SIZE,
                InputSettings.DEFAULT_ANALYZE_MICROS, Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    private static RunSettings run() {
        return new RunSettings(new Ladder(Rung.parseAll("360p:800k"), 0), "libx264",
                new EncoderOptions("ultrafast", "p4"), 0, 2.0, 128_000, 0, true);
    }

    private static double publish(Path file, String url) {
        try (PacedPublisher publisher = new PacedPublisher()) {
            return publisher.publish(file.toString(), "mpegts", url, Map.of("listen", "1", "listen_timeout", "30000"), 15);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
