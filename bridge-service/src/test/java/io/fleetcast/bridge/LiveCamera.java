package io.fleetcast.bridge;

import io.fleetcast.media.source.PacedPublisher;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A live camera for the API tests: a generated file published in real time, listening on TCP. */
final class LiveCamera implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final PacedPublisher publisher = new PacedPublisher();
    final String url;
    final Future<Double> published;

    LiveCamera(Path file, int port, double seconds) {
        url = "tcp://127.0.0.1:" + port;
        published = thread.submit(() -> publisher.publish(file.toString(), "mpegts", url,
                Map.of("listen", "1", "listen_timeout", "30000"), seconds));
    }

    @Override
    public void close() {
        publisher.close();
        thread.shutdownNow();
    }
}
