package io.fleetcast.bridge.broadcast;

import io.fleetcast.bridge.metrics.MetricsRecorder;
import io.fleetcast.bridge.metrics.OutputMetrics;
import io.fleetcast.media.Packet;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands every encoded packet to every output, each of which runs on its own thread behind
 * its own bounded queue ({@link OutputWorker}, {@value #OUTPUT_QUEUE_SECONDS} s of its
 * streams): a slow destination loses whole groups of pictures of its own and nobody else's. Called by the encoders' threads.
 */
final class Distribution implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Distribution.class.getName());
    /** Seconds of its streams' bitrate one output may have waiting before it loses whole groups. */
    static final double OUTPUT_QUEUE_SECONDS = 4;

    private final List<OutputWorker> workers = new ArrayList<>();
    private final MetricsRecorder metrics;
    private boolean closed;

    /** @param live whether the input is live (a full output then loses whole groups; else the encoders wait) */
    Distribution(List<Output> outputs, MetricsRecorder metrics, boolean live) {
        this.metrics = metrics;
        for (Output output : outputs) {
            workers.add(new OutputWorker(output, OUTPUT_QUEUE_SECONDS, live));
        }
        metrics.outputs(this::outputs);
    }

    void begin(List<StreamDescription> streams, boolean discontinuity) {
        List<StreamDescription> copy = List.copyOf(streams);
        for (OutputWorker worker : workers) {
            worker.begin(copy, discontinuity);
        }
    }

    /** Takes ownership of {@code packet}. */
    synchronized void write(StreamDescription stream, Packet packet) {
        try (packet) {
            if (!stream.isAudio()) {
                metrics.rungPacket(stream.index(), packet.av().size());
            }
            for (OutputWorker worker : workers) {
                worker.write(stream, packet);
            }
        }
    }

    /** Ends the run and waits (up to 30 s) until every output has flushed it. */
    void end() {
        List<CompletableFuture<Void>> done = workers.stream().map(OutputWorker::end).toList();
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "outputs did not finish the run in 30 s");
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.log(Level.WARNING, "an output failed to finish the run", e.getCause());
        }
    }

    private List<OutputMetrics> outputs() {
        return workers.stream().map(OutputWorker::metrics).toList();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = workers.size() - 1; i >= 0; i--) {
            workers.get(i).close();
        }
    }
}
