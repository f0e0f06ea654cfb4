package io.fleetcast.bridge.broadcast;

import io.fleetcast.media.retry.Backoff;
import io.fleetcast.bridge.gpu.VideoPath;
import io.fleetcast.bridge.ingest.Failures;
import io.fleetcast.bridge.ingest.InputSettings;
import io.fleetcast.bridge.metrics.BroadcastMetrics;
import io.fleetcast.bridge.metrics.MetricsRecorder;
import io.fleetcast.bridge.metrics.MetricsReporter;
import io.fleetcast.media.FfmpegLibraries;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.codec.HardwareDevice;
import io.fleetcast.media.format.InputMedia;
import io.fleetcast.media.format.MediaUrl;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One broadcast: reads the input, runs it through the ladder into the outputs, and when a
 * live input ends or fails, reconnects with backoff and continues the outputs with a
 * discontinuity. A file input stops at its end. Owns its threads and outputs.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Pipeline.class.getName());
    private final InputSettings input;
    private final HardwareDevice device;
    private final MetricsRecorder recorder = new MetricsRecorder();
    private final MetricsReporter reporter;
    private final Distribution distribution;
    private final Stage stage;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread thread;
    private boolean closed;

    /**
     * @param liveSound sound from outside the source (nullable; its live audio is closed by the caller)
     * @param device    the CUDA device the decoder uses (nullable: decode in memory; closed by the caller)
     * @param path      where pictures are decoded and encoded, and why (for the metrics)
     */
    public Pipeline(InputSettings input, RunSettings settings, SlateSettings slate, List<Output> outputs,
                    LiveSound liveSound, HardwareDevice device, VideoPath path, Duration metricsLogInterval) {
        this.input = input;
        this.device = device;
        this.reporter = new MetricsReporter(recorder, MediaUrl.redact(input.url()), path, metricsLogInterval);
        this.distribution = new Distribution(outputs, recorder, input.live());
        this.stage = new Stage(settings, distribution, recorder, input.live(), slate, liveSound);
        this.thread = Thread.ofPlatform().name("bridge-ingest").unstarted(this::run);
        // Before the input connects, not on the first picture's way to the first segment.
        FfmpegLibraries.load();
    }

    public Pipeline start() {
        thread.start();
        return this;
    }

    public BroadcastMetrics metrics() {
        return reporter.latest();
    }

    /** Waits for a file input to end (or the pipeline to fail or stop); false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the pipeline gave up, or null. */
    public RuntimeException failure() {
        return failure.get();
    }

    private void run() {
        Backoff backoff = new Backoff(input.reconnectMin(), input.reconnectMax());
        int runs = 0;
        int attempt = 0;
        try {
            while (!stopped.get()) {
                recorder.state(runs == 0 ? "connecting" : "reconnecting");
                Run run = null;
                try (InputMedia media = new InputMedia(input.url(), input.ffmpegOptions(), stopped::get)) {
                    if (!media.unusedOptions().isEmpty()) {
                        LOG.log(Level.DEBUG, "input {0} ignored options {1}", media.name(), media.unusedOptions());
                    }
                    if (runs > 0) {
                        recorder.reconnected();
                        LOG.log(Level.INFO, "input {0} is back", media.name());
                    }
                    attempt = 0;
                    recorder.state("live");
                    run = new Run(media, stage, recorder, device, stopped::get);
                    runs++;
                    run.execute();
                    if (!input.live()) {
                        recorder.state("ended");
                        return;
                    }
                    LOG.log(Level.WARNING, "input {0} ended; reconnecting", media.name());
                } catch (MediaException e) {
                    recorder.error(e.getMessage());
                    if (stopped.get()) {
                        return;
                    }
                    if (!input.live() || (runs == 0 && Failures.permanent(e))) {
                        recorder.state("failed");
                        failure.set(e);
                        LOG.log(Level.ERROR, "broadcast stopped: {0}", e.getMessage());
                        return;
                    }
                    LOG.log(Level.WARNING, "input failed, retrying in {0} ms: {1}",
                            backoff.delay(attempt).toMillis(), e.getMessage());
                } finally {
                    if (run != null) {
                        closeQuietly(run);
                    }
                }
                if (!sleep(backoff.delay(attempt++))) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.set(e);
            recorder.state("failed");
            recorder.error(String.valueOf(e.getMessage()));
            LOG.log(Level.ERROR, "broadcast failed", e);
        } finally {
            if (stopped.get()) {
                recorder.state("stopped");
            }
            ended.countDown();
        }
    }

    private boolean sleep(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        while (!stopped.get()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                Thread.sleep(Math.min(50, left / 1_000_000 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void closeQuietly(Run run) {
        try {
            run.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cleaning up after a failed run failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopped.set(true);
        if (thread.isAlive()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stage.close();
        distribution.close();
        reporter.close();
    }
}
