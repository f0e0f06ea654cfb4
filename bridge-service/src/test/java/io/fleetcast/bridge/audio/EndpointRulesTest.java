package io.fleetcast.bridge.audio;

import static io.fleetcast.bridge.audio.IngestTest.PCM;
import static io.fleetcast.bridge.audio.IngestTest.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may push and listen, what is refused and how, and that a refusal never disturbs the live audio. */
class EndpointRulesTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private JitterBuffer live;
    private AudioEndpoint endpoint;

    @BeforeEach
    void start() {
        live = new JitterBuffer(Duration.ofMillis(500));
        endpoint = AudioEndpoint.start(IngestTest.settings(), live);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        client.close();
    }

    private Producer.Response refused(String token, String contentType, byte[] body) throws Exception {
        try (Producer producer = Producer.post(endpoint.uri(), "/ingest", token, contentType)) {
            if (body.length > 0) {
                producer.send(body, 0, body.length);
            }
            return producer.response();
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.uri().resolve(path))
                .timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pushingWithoutATokenGets401AskingForABearerToken() throws Exception {
        Producer.Response response = refused(null, PCM, new byte[0]);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().get("www-authenticate")).startsWith("Bearer");
        assertThat(response.body()).contains("Authorization: Bearer");
    }

    @Test
    void aWrongTokenGets401OnBothEndpointsAndIsNotEchoed() throws Exception {
        Producer.Response pushed = refused(TOKEN + "x", PCM, new byte[0]);
        assertThat(pushed.status()).isEqualTo(401);
        assertThat(pushed.body()).contains("not valid").doesNotContain(TOKEN);
        HttpResponse<String> listened = get("/stream", "Bearer wrong-token-0123456789");
        assertThat(listened.statusCode()).isEqualTo(401);
        assertThat(listened.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(get("/stream", null).statusCode()).isEqualTo(401);
        assertThat(get("/stream", "Basic " + TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        HttpResponse<String> health = get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"producer\":false");
    }

    @Test
    void anUnknownContentTypeGets415NamingWhatIsTaken() throws Exception {
        Producer.Response response = refused(TOKEN, "audio/mpeg", new byte[64]);
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.body()).contains("audio/mpeg").contains("audio/L16").contains("audio/aac");
        assertThat(refused(TOKEN, null, new byte[64]).body()).contains("Content-Type is required");
    }

    @Test
    void pcmAtAnotherRateGets415() throws Exception {
        Producer.Response response = refused(TOKEN, "audio/L16;rate=44100;channels=2", new byte[64]);
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.body()).contains("rate=48000");
    }

    @Test
    void aSecondProducerGets409WhileTheFirstGoesOn() throws Exception {
        byte[] tone = Tones.pcm(0.5);
        try (Producer first = Producer.post(endpoint.uri(), "/ingest", TOKEN, PCM)) {
            first.send(tone, 0, tone.length / 2);
            awaitProducer();
            Producer.Response second = refused(TOKEN, PCM, new byte[3840]);
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.body()).contains("one at a time");
            first.send(tone, tone.length / 2, tone.length);
            assertThat(first.finish().status()).isEqualTo(200);
        }
        assertThat(Heard.listen(live, Duration.ofSeconds(2), tone.length / 4).samples)
                .as("the first producer's sound, all of it").isEqualTo(tone.length / 4);
    }

    @Test
    void aProducerSilentOnItsSocketForFiveSecondsFreesItsSlot() throws Exception {
        byte[] tone = Tones.pcm(0.1);
        try (Producer hung = Producer.post(endpoint.uri(), "/ingest", TOKEN, PCM)) {
            hung.send(tone, 0, tone.length);
            awaitProducer();
            long hungAt = System.nanoTime();
            long deadline = hungAt + Duration.ofSeconds(10).toNanos();
            while (get("/health", null).body().contains("\"producer\":true")) {
                assertThat(System.nanoTime()).as("the slot is freed").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - hungAt)).isGreaterThan(Duration.ofSeconds(4));
            try (Producer next = Producer.post(endpoint.uri(), "/ingest", TOKEN, PCM)) {
                next.send(tone, 0, tone.length);
                assertThat(next.finish().status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aGarbageBodyGets400TheLiveAudioStaysSilentAndTheNextProducerIsHeard() throws Exception {
        byte[] garbage = "this is not audio at all, just a text file pushed by mistake\n".repeat(60)
                .getBytes(StandardCharsets.UTF_8);
        Producer.Response response = refused(TOKEN, "audio/aac", garbage);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("not AAC ADTS").contains("0x74 0x68");
        assertThat(Heard.listen(live, Duration.ofMillis(300), 0).samples).as("silence").isZero();

        byte[] tone = Tones.pcm(0.5);
        try (Producer next = Producer.post(endpoint.uri(), "/ingest", TOKEN, PCM)) {
            next.send(tone, 0, tone.length);
            assertThat(next.finish().status()).isEqualTo(200);
        }
        assertThat(Heard.listen(live, Duration.ofSeconds(2), tone.length / 4).samples).isEqualTo(tone.length / 4);
    }

    @Test
    void anAdtsHeaderFollowedByNoiseGets400OnceNothingDecodes() throws Exception {
        byte[] noise = new byte[1024];
        try (Producer producer = Producer.post(endpoint.uri(), "/ingest", TOKEN, "audio/aac")) {
            Random random = new Random(42);
            int sent = 0;
            while (sent <= AdtsDecoder.GIVE_UP_BYTES) {
                random.nextBytes(noise);
                if (sent == 0) {
                    noise[0] = (byte) 0xFF;
                    noise[1] = (byte) 0xF1;
                }
                producer.send(noise, 0, noise.length);
                sent += noise.length;
            }
            Producer.Response response = producer.response();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("not decodable AAC ADTS");
        }
        assertThat(Heard.listen(live, Duration.ofMillis(300), 0).samples).as("silence, no noise").isZero();
    }

    private void awaitProducer() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!get("/health", null).body().contains("\"producer\":true")) {
            assertThat(System.nanoTime()).as("the producer's request reached its handler").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
