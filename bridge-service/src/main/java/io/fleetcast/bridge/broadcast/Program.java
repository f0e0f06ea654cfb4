package io.fleetcast.bridge.broadcast;

import io.fleetcast.bridge.ladder.RungPlan;
import io.fleetcast.bridge.metrics.MetricsRecorder;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Rational;
import java.util.ArrayList;
import java.util.List;

/**
 * What the outputs see: the ladder's encoders and the one sound track, opened on the first
 * source picture and kept for the whole broadcast, so outputs get one continuous stream
 * whatever the source does (reconnects, restarts, pauses filled by the slate). Pictures
 * come from the source or the slate, both on the one timeline (microseconds) that only moves
 * forward. Thread safe: the ingest thread and the slate's take turns.
 */
final class Program implements AutoCloseable {
    /** How far the sound may trail the pictures before silence fills in (sources with sound). */
    private static final long SOUND_LAG_MICROS = 500_000;

    private final LadderStage ladder;
    private final AudioPath sound;
    private final Distribution distribution;
    private final MetricsRecorder metrics;
    private final boolean live;
    private final long frameMicros;
    private long position = Long.MIN_VALUE;
    private boolean ended;

    private Program(LadderStage ladder, AudioPath sound, Distribution distribution, MetricsRecorder metrics,
                    boolean live, long frameMicros) {
        this.ladder = ladder;
        this.sound = sound;
        this.distribution = distribution;
        this.metrics = metrics;
        this.live = live;
        this.frameMicros = frameMicros;
    }

    static Program open(RunSettings settings, Frame first, Rational sourceRate, long clockStart,
                        Distribution distribution, MetricsRecorder metrics, boolean live, LiveSound liveSound) {
        LadderStage ladder = LadderStage.open(settings, first, sourceRate, clockStart, distribution, live);
        AudioPath sound;
        try {
            sound = new AudioPath(settings.audioBitRate(), settings.sourceSound(), liveSound, distribution);
        } catch (RuntimeException e) {
            ladder.close();
            throw e;
        }
        Rational fps = ladder.plans().get(0).frameRate();
        long frameMicros = fps.num() > 0 ? Math.round(1e6 / fps.value()) : 33_333;
        Program program = new Program(ladder, sound, distribution, metrics, live, frameMicros);
        List<StreamDescription> streams = new ArrayList<>(ladder.streams());
        streams.add(sound.describe(streams.size()));
        metrics.rungs(ladder.plans().stream().map(p -> new String[] {p.name(), p.resolution()}).toList());
        distribution.begin(streams, false);
        return program;
    }

    /** The top rung's size: what the slate is drawn at. */
    RungPlan top() {
        return ladder.plans().get(0);
    }

    long frameMicros() {
        return frameMicros;
    }

    /** Where the next picture sits on the timeline. */
    synchronized long next(long clockStart) {
        return position == Long.MIN_VALUE ? clockStart : position + frameMicros;
    }

    /**
     * One picture at {@code micros} of the timeline; false when it was dropped (behind the last
     * one, or the encoders are behind real time: then every rung drops it alike, so keyframes
     * stay aligned).
     *
     * @param withSound whether sound for it is coming from the source (otherwise silence fills in at once)
     */
    synchronized boolean picture(Frame picture, long micros, boolean withSound) throws InterruptedException {
        if (ended || micros <= position) {
            metrics.dropped();
            return false;
        }
        ladder.throwIfFailed();
        if (live && !ladder.hasRoom()) {
            metrics.dropped();
            return false;
        }
        position = micros;
        ladder.push(picture, micros);
        sound.fillUntil(withSound ? micros - SOUND_LAG_MICROS : micros);
        metrics.contentPosition(micros);
        return true;
    }

    /** Decoded source sound at {@code micros} of the timeline. */
    synchronized void sound(Frame decoded, long micros) {
        if (!ended) {
            sound.push(decoded, micros);
        }
    }

    /** Sound from a source connection that ended: its resampler is flushed before the next one. */
    synchronized void soundEnded() {
        sound.endSource();
    }

    synchronized void throwIfFailed() {
        ladder.throwIfFailed();
    }

    /** The broadcast ends (a file input's end): encoders flushed, outputs told. */
    synchronized void finish() throws InterruptedException {
        if (ended) {
            return;
        }
        ended = true;
        ladder.finish();
        sound.fillUntil(position + frameMicros);
        sound.finish();
        distribution.end();
    }

    @Override
    public synchronized void close() {
        try {
            if (!ended) {
                ended = true;
                // Outputs read the streams' codec parameters until their end(): end first, then free.
                distribution.end();
            }
        } finally {
            try {
                sound.close();
            } finally {
                ladder.close();
            }
        }
    }
}
