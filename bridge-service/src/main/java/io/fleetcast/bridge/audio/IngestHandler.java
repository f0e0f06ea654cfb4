package io.fleetcast.bridge.audio;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /ingest}: one producer at a time streams a body of audio (PCM or AAC ADTS, see
 * {@link BodyFormat}); it is decoded into the sink as it arrives and relayed to the
 * {@code /stream} listeners. The response comes when the body ends: 200 with what was
 * received, or 400 as soon as the body turns out not to be audio (reading stops there; the
 * sink just gets nothing, so the broadcast goes on with silence).
 */
final class IngestHandler implements Handler {
    private static final System.Logger LOG = System.getLogger(IngestHandler.class.getName());
    private static final int READ_SIZE = 8192;

    private final PcmSink sink;
    private final Relay relay;
    private final Duration silentSocketLimit;
    private final AtomicBoolean busy = new AtomicBoolean();

    /** @param silentSocketLimit a producer whose socket brings nothing this long is gone: its slot frees */
    IngestHandler(PcmSink sink, Relay relay, Duration silentSocketLimit) {
        this.sink = sink;
        this.relay = relay;
        this.silentSocketLimit = silentSocketLimit;
    }

    boolean busy() {
        return busy.get();
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        BodyFormat format = BodyFormat.of(req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null));
        if (!busy.compareAndSet(false, true)) {
            throw new AudioRequestException(409, "another producer is pushing audio: one at a time");
        }
        String producer = req.remotePeer().host();
        try (BodyDecoder decoder = format.decoder(sink); Relay.Session session = relay.begin(format.contentType());
             SilenceWatch watch = new SilenceWatch(silentSocketLimit, Thread.currentThread())) {
            LOG.log(Level.INFO, "audio producer " + producer + " started (" + format.contentType() + ")");
            long bytes = ingest(req.content().inputStream(), decoder, session, watch, producer);
            decoder.finish(session::send);
            double seconds = decoder.samples() / (double) LiveAudio.SAMPLE_RATE;
            LOG.log(Level.INFO, String.format(Locale.ROOT, "audio producer %s finished: %.1f s of audio in %d bytes",
                    producer, seconds, bytes));
            res.send(String.format(Locale.ROOT, "received %.1f s of audio (%d bytes)%n", seconds, bytes));
        } finally {
            busy.set(false);
        }
    }

    private long ingest(InputStream body, BodyDecoder decoder, Relay.Session session, SilenceWatch watch,
                        String producer) {
        byte[] chunk = new byte[READ_SIZE];
        long bytes = 0;
        while (true) {
            int n;
            try {
                n = body.read(chunk);
            } catch (IOException | RuntimeException e) {
                // Gone mid-body (network, a broken chunk, silent too long): there is nobody to answer.
                LOG.log(Level.INFO, "audio producer " + producer + " went away after " + bytes + " bytes: "
                        + (watch.fired() ? "its socket was silent for " + silentSocketLimit.toSeconds() + " s" : e));
                throw new CloseConnectionException("audio producer went away", e);
            }
            if (n < 0) {
                return bytes;
            }
            watch.heard();
            bytes += n;
            decoder.decode(chunk, n, session::send);
        }
    }
}
