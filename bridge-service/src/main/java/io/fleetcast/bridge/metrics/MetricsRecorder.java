package io.fleetcast.bridge.metrics;

import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counters the pipeline's threads bump as they work; each counter has a single writing
 * thread (input counters the ingest thread, rung counters the output thread).
 */
public final class MetricsRecorder {
    public static final int MAX_RUNGS = 16;

    private final AtomicLong inputFrames = new AtomicLong();
    private final AtomicLong droppedFrames = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong contentMicros = new AtomicLong();
    private final AtomicLongArray rungFrames = new AtomicLongArray(MAX_RUNGS);
    private final AtomicLongArray rungBytes = new AtomicLongArray(MAX_RUNGS);
    private final AtomicReference<List<String[]>> rungs = new AtomicReference<>(List.of());
    private final AtomicReference<String> state = new AtomicReference<>("starting");
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private final AtomicReference<String> decodedInMemory = new AtomicReference<>();
    private final AtomicLong slatePictures = new AtomicLong();
    private final AtomicLong heldPictures = new AtomicLong();
    private final AtomicLong rebases = new AtomicLong();
    private volatile Supplier<List<OutputMetrics>> outputs = List::of;

    public void inputFrame() {
        inputFrames.incrementAndGet();
    }

    public void dropped() {
        droppedFrames.incrementAndGet();
    }

    public void heldPicture() {
        heldPictures.incrementAndGet();
    }

    long heldPictures() {
        return heldPictures.get();
    }

    public void slatePicture() {
        slatePictures.incrementAndGet();
    }

    /** The source's clock jumped and was re-based onto the timeline. */
    public void rebased() {
        rebases.incrementAndGet();
    }

    /** Where each output's figures come from. */
    public void outputs(Supplier<List<OutputMetrics>> figures) {
        outputs = figures;
    }

    long slatePictures() {
        return slatePictures.get();
    }

    long rebases() {
        return rebases.get();
    }

    List<OutputMetrics> outputs() {
        return outputs.get();
    }

    public void reconnected() {
        reconnects.incrementAndGet();
    }

    /** Position of the newest frame handed to the encoders, in content time. */
    public void contentPosition(long micros) {
        contentMicros.set(micros);
    }

    public void rungPacket(int rung, int bytes) {
        if (rung < MAX_RUNGS) {
            rungFrames.incrementAndGet(rung);
            rungBytes.addAndGet(rung, bytes);
        }
    }

    /** The rungs of the current run: name and resolution each. */
    public void rungs(List<String[]> namesAndResolutions) {
        rungs.set(List.copyOf(namesAndResolutions));
    }

    public void state(String value) {
        state.set(value);
    }

    /** Why the current run decodes in memory though a CUDA device was given, or null: it does not. */
    public void decodedInMemory(String why) {
        decodedInMemory.set(why);
    }

    String decodedInMemory() {
        return decodedInMemory.get();
    }

    public void error(String message) {
        lastError.set(message);
    }

    long inputFrames() {
        return inputFrames.get();
    }

    long droppedFrames() {
        return droppedFrames.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    long contentMicros() {
        return contentMicros.get();
    }

    long rungFrames(int rung) {
        return rungFrames.get(rung);
    }

    long rungBytes(int rung) {
        return rungBytes.get(rung);
    }

    List<String[]> rungs() {
        return rungs.get();
    }

    String state() {
        return state.get();
    }

    String lastError() {
        return lastError.get();
    }
}
