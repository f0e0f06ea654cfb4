package io.fleetcast.bridge.audio;

import static io.fleetcast.bridge.audio.IngestTest.PCM;
import static io.fleetcast.bridge.audio.IngestTest.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.media.retry.Backoff;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /stream} relays what is pushed, and another bridge's RemoteAudio hears it. */
class StreamTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private AudioEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint = AudioEndpoint.start(IngestTest.settings(), new JitterBuffer(Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() {
        endpoint.close();
        client.close();
    }

    private void awaitListeners(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpRequest health = HttpRequest.newBuilder(endpoint.uri().resolve("/health")).build();
        while (!client.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"listeners\":" + count)) {
            assertThat(System.nanoTime()).as(count + " listener(s) waiting").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aListenerGetsTheBytesBeingPushedWithTheirContentTypeUntilTheProducerStops() throws Exception {
        byte[] tone = Tones.pcm(0.5);
        CompletableFuture<HttpResponse<InputStream>> listening = client.sendAsync(
                HttpRequest.newBuilder(endpoint.uri().resolve("/stream")).header("Authorization", "Bearer " + TOKEN)
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
        awaitListeners(1);
        try (Producer producer = Producer.post(endpoint.uri(), "/ingest", TOKEN, "audio/L16; rate=48000")) {
            Thread pushing = Thread.ofVirtual().start(() -> IngestTest.pushPcm(producer, tone));
            HttpResponse<InputStream> response = listening.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(PCM);
            pushing.join();
            assertThat(producer.finish().status()).isEqualTo(200);
            try (InputStream body = response.body()) {
                assertThat(body.readAllBytes()).as("all of it, then the end").isEqualTo(tone);
            }
        }
    }

    @Test
    void aRemoteAudioHearsAnotherBridgesAdtsThenItsNextProducersPcm(@TempDir Path dir) throws Exception {
        byte[] aac = Tones.adts(1.5, 48_000, dir);
        byte[] tone = Tones.pcm(0.5);
        try (RemoteAudio remote = new RemoteAudio(endpoint.uri().resolve("/stream"), TOKEN, Duration.ofMillis(500),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            awaitListeners(1);
            Heard heard;
            try (Producer producer = Producer.post(endpoint.uri(), "/ingest", TOKEN, "audio/aac")) {
                Thread pushing = Thread.ofVirtual()
                        .start(() -> IngestTest.push(producer, aac, 700, 128_000 / 8.0 * 1.5));
                heard = Heard.listen(remote, Duration.ofSeconds(6), 60_000);
                pushing.join();
                assertThat(producer.finish().status()).isEqualTo(200);
            }
            long stopped = System.nanoTime();
            Heard rest = Heard.listen(remote, Duration.ofMillis(1500), 0);
            assertThat(Duration.ofNanos(rest.lastSoundNanos - stopped)).as("silent within a second")
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(rest.silentReadsAfterSound).isGreaterThan(20);
            assertThat(heard.samples).isGreaterThanOrEqualTo(60_000);
            assertThat(Pitch.dominant(heard.left, 4_800, 24_000)).isCloseTo(Tones.LEFT_HZ, within(2.0));
            assertThat(Pitch.dominant(heard.right, 4_800, 24_000)).isCloseTo(Tones.RIGHT_HZ, within(2.0));
            assertThat(Pitch.largestStep(heard.right, 4_800, heard.samples - 9_600)).isLessThan(0.06);

            awaitListeners(1);
            try (Producer next = Producer.post(endpoint.uri(), "/ingest", TOKEN, PCM)) {
                Thread pushing = Thread.ofVirtual().start(() -> IngestTest.pushPcm(next, tone));
                heard = Heard.listen(remote, Duration.ofSeconds(4), tone.length / 4);
                pushing.join();
                assertThat(next.finish().status()).isEqualTo(200);
            }
            assertThat(heard.samples).as("the relayed PCM, sample for sample").isEqualTo(tone.length / 4);
            assertThat(java.util.Arrays.copyOf(heard.left, heard.samples)).containsExactly(Tones.channel(tone, 0));
        }
    }

    @Test
    void aRemoteAudioWithAWrongTokenStaysSilent() throws Exception {
        byte[] tone = Tones.pcm(1.0);
        try (RemoteAudio remote = new RemoteAudio(endpoint.uri().resolve("/stream"), "wrong-token-0123456789",
                Duration.ofMillis(500), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
             Producer producer = Producer.post(endpoint.uri(), "/ingest", TOKEN, PCM)) {
            Thread pushing = Thread.ofVirtual().start(() -> IngestTest.pushPcm(producer, tone));
            assertThat(Heard.listen(remote, Duration.ofMillis(700), 0).samples).isZero();
            pushing.join();
            assertThat(producer.finish().status()).isEqualTo(200);
        }
    }
}
