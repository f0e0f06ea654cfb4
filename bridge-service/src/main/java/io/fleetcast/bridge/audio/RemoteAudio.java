package io.fleetcast.bridge.audio;

import io.fleetcast.media.format.MediaUrl;
import io.fleetcast.media.retry.Backoff;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.random.RandomGenerator;

/**
 * Live audio read from another bridge's {@code GET /stream} ({@code AUDIO_SOURCE=http://...}):
 * one thread connects with the bearer token, decodes what comes (PCM or AAC ADTS, by the
 * response's content type) into a {@link JitterBuffer} that {@link #read} reads, and reconnects
 * with backoff whenever the stream ends, fails or stalls for {@value #STALL_SECONDS} s. Reads are
 * silence while it is away (the buffer's stale rule).
 */
public final class RemoteAudio implements LiveAudio {
    private static final System.Logger LOG = System.getLogger(RemoteAudio.class.getName());
    private static final long STALL_SECONDS = 5;
    private static final Duration STALL = Duration.ofSeconds(STALL_SECONDS);
    /** The remote endpoint holds a listener up to 10 s while nobody pushes. */
    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(15);

    private final URI url;
    private final String name;
    private final String token;
    private final Backoff backoff;
    private final JitterBuffer buffer;
    private final HttpClient client;
    private final Thread thread;
    private volatile boolean closed;
    private volatile BodyChunks body;
    private String lastProblem;

    public RemoteAudio(URI url, String token, Duration staleAfter, Backoff backoff) {
        this.url = url;
        this.name = MediaUrl.redact(url.toString());
        this.token = token;
        this.backoff = backoff;
        this.buffer = new JitterBuffer(staleAfter);
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.thread = Thread.ofPlatform().name("remote-audio").daemon().start(this::run);
    }

    @Override
    public int read(float[] left, float[] right, int samples) {
        return buffer.read(left, right, samples);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        BodyChunks current = body;
        if (current != null) {
            current.cancel();
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.shutdownNow();
        buffer.close();
    }

    private void run() {
        RandomGenerator random = RandomGenerator.getDefault();
        int attempt = 0;
        while (!closed) {
            try {
                if (listen()) {
                    attempt = 0;
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                report(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            try {
                Thread.sleep(backoff.delay(attempt++, random));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One connection; true when it brought sound. */
    private boolean listen() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(HEADERS_TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response =
                client.send(request, HttpResponse.BodyHandlers.ofPublisher());
        BodyChunks chunks = new BodyChunks();
        body = chunks;
        response.body().subscribe(chunks);
        try {
            if (response.statusCode() != 200) {
                throw new IOException("answered " + response.statusCode() + ": " + text(chunks));
            }
            BodyFormat format = BodyFormat.of(response.headers().firstValue("Content-Type").orElse(null));
            try (BodyDecoder decoder = format.decoder(buffer)) {
                LOG.log(Level.INFO, "remote audio " + name + " connected (" + format.contentType() + ")");
                lastProblem = null;
                decode(chunks, decoder);
                LOG.log(Level.INFO, String.format(java.util.Locale.ROOT, "remote audio %s ended after %.1f s", name,
                        decoder.samples() / (double) SAMPLE_RATE));
                return decoder.samples() > 0;
            }
        } catch (AudioRequestException e) {
            throw new IOException("sent what it cannot be: " + e.getMessage(), e);
        } finally {
            chunks.cancel();
            body = null;
        }
    }

    private void decode(BodyChunks chunks, BodyDecoder decoder) throws IOException, InterruptedException {
        byte[] bytes = new byte[0];
        while (!closed) {
            List<ByteBuffer> buffers = chunks.next(STALL);
            if (buffers == null) {
                throw new IOException("no bytes for " + STALL_SECONDS + " s");
            }
            if (buffers.isEmpty()) {
                decoder.finish(unit -> { });
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int length = buffer.remaining();
                if (bytes.length < length) {
                    bytes = new byte[length];
                }
                buffer.get(bytes, 0, length);
                decoder.decode(bytes, length, unit -> { });
            }
        }
    }

    /** The start of an error body, for the log. */
    private static String text(BodyChunks chunks) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        for (List<ByteBuffer> buffers; text.length() < 200
                && (buffers = chunks.next(Duration.ofSeconds(1))) != null && !buffers.isEmpty(); ) {
            for (ByteBuffer buffer : buffers) {
                text.append(StandardCharsets.UTF_8.decode(buffer));
            }
        }
        return text.toString().strip();
    }

    /** Each new problem once at WARNING; the same one again (a remote that stays away) at DEBUG. */
    private void report(String problem) {
        Level level = problem.equals(lastProblem) ? Level.DEBUG : Level.WARNING;
        LOG.log(level, "remote audio " + name + ": " + problem + "; reconnecting");
        lastProblem = problem;
    }
}
