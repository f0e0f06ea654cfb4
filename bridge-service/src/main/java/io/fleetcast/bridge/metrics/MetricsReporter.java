package io.fleetcast.bridge.metrics;

import io.fleetcast.bridge.gpu.VideoPath;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns the recorder's counters into rates once a second (its thread owns the previous
 * totals), publishes the snapshot for readers, and logs it every {@code logInterval}.
 */
public final class MetricsReporter implements AutoCloseable {
    private static final Logger LOG = System.getLogger(MetricsReporter.class.getName());

    private final MetricsRecorder recorder;
    private final String input;
    private final VideoPath path;
    private final long logEveryTicks;
    private final AtomicReference<BroadcastMetrics> latest;
    private final ScheduledExecutorService timer;
    private long ticks;
    private long lastNanos = System.nanoTime();
    private long lastInput;
    private long lastContent;
    private final long[] lastFrames = new long[MetricsRecorder.MAX_RUNGS];
    private final long[] lastBytes = new long[MetricsRecorder.MAX_RUNGS];
    private boolean closed;

    public MetricsReporter(MetricsRecorder recorder, String input, VideoPath path, Duration logInterval) {
        this.recorder = recorder;
        this.input = input;
        this.path = path;
        this.logEveryTicks = Math.max(1, logInterval.toSeconds());
        this.latest = new AtomicReference<>(BroadcastMetrics.initial(input, path));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .name("bridge-metrics").daemon().unstarted(r));
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    public BroadcastMetrics latest() {
        return latest.get();
    }

    private void tick() {
        try {
            latest.set(sample());
            if (++ticks % logEveryTicks == 0) {
                LOG.log(Level.INFO, "broadcast {0}", latest.get().summary());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "metrics sampling failed", e);
        }
    }

    private BroadcastMetrics sample() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        lastNanos = now;
        long inputFrames = recorder.inputFrames();
        long content = recorder.contentMicros();
        double inputFps = (inputFrames - lastInput) / seconds;
        double contentSeconds = Math.max(0, content - lastContent) / 1e6;
        double speed = contentSeconds / seconds;
        lastInput = inputFrames;
        lastContent = content;
        List<RungMetrics> rungs = new ArrayList<>();
        List<String[]> names = recorder.rungs();
        for (int i = 0; i < names.size() && i < MetricsRecorder.MAX_RUNGS; i++) {
            long frames = recorder.rungFrames(i);
            long bytes = recorder.rungBytes(i);
            // Bitrate per second of content, not of wall time: what a viewer's link must carry.
            long bitRate = contentSeconds > 0 ? Math.round((bytes - lastBytes[i]) * 8 / contentSeconds) : 0;
            rungs.add(new RungMetrics(names.get(i)[0], names.get(i)[1], (frames - lastFrames[i]) / seconds,
                    bitRate, frames));
            lastFrames[i] = frames;
            lastBytes[i] = bytes;
        }
        String inMemory = recorder.decodedInMemory();
        VideoPath video = inMemory == null ? path : path.inMemoryBecause(inMemory);
        return new BroadcastMetrics(recorder.state(), input, video.encoder(), video.encoderReason(), video.decode(),
                video.decodeReason(), inputFps, speed,
                recorder.droppedFrames(), recorder.reconnects(), recorder.heldPictures(), recorder.slatePictures(), recorder.rebases(),
                recorder.outputs(), rungs, recorder.lastError());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            timer.shutdownNow();
            try {
                timer.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            latest.set(sample());
        }
    }
}
