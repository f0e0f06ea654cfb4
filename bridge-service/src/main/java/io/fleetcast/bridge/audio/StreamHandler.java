package io.fleetcast.bridge.audio;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * {@code GET /stream}: the bytes the current producer pushes, from now on, chunked, with its
 * content type; the response ends when the producer stops. With no producer it waits up to
 * {@code waitForProducer} for one, then answers 503.
 */
final class StreamHandler implements Handler {
    private static final System.Logger LOG = System.getLogger(StreamHandler.class.getName());
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Relay relay;
    private final Duration waitForProducer;

    StreamHandler(Relay relay, Duration waitForProducer) {
        this.relay = relay;
        this.waitForProducer = waitForProducer;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) throws InterruptedException {
        String listener = req.remotePeer().host();
        try (Relay.Listener queue = relay.listen()) {
            Relay.Item first = queue.next(waitForProducer);
            if (!(first instanceof Relay.Start start)) {
                throw new AudioRequestException(503, "no producer is pushing audio (waited "
                        + waitForProducer.toSeconds() + " s)");
            }
            res.header(HeaderNames.CONTENT_TYPE, start.contentType());
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            try (OutputStream out = res.outputStream()) {
                out.flush();
                relay(queue, out, listener);
            } catch (IOException | UncheckedIOException e) {
                LOG.log(Level.DEBUG, "audio listener " + listener + " went away: " + e.getMessage());
            }
        }
    }

    private static void relay(Relay.Listener queue, OutputStream out, String listener)
            throws IOException, InterruptedException {
        while (true) {
            Relay.Item item = queue.next(POLL);
            if (item instanceof Relay.Chunk chunk) {
                out.write(chunk.bytes());
                if (queue.idle()) {
                    out.flush();
                }
            } else if (item instanceof Relay.End end) {
                if (end.reason().startsWith("too slow")) {
                    LOG.log(Level.INFO, "audio listener " + listener + " dropped: " + end.reason());
                }
                return;
            }
        }
    }
}
