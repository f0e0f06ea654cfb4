package io.fleetcast.bridge.broadcast;

import io.fleetcast.bridge.metrics.MetricsRecorder;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Rational;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What outlives the source's connections: the {@link Program} (opened on the first source
 * picture) and, for live inputs, the slate. When no source picture has come for 100 ms the
 * slate's thread repeats the last one at the program's frame rate, and after the slate's
 * delay puts the slate picture on the timeline instead, with silence, so every output keeps
 * receiving pictures at the frame rate; the next source picture takes over again, re-based
 * to follow on. Runs (one per connection) feed it from the ingest thread.
 */
final class Stage implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Stage.class.getName());
    /** A source silent this long has its last picture repeated at the frame rate, until the slate. */
    private static final long HOLD_AFTER_NANOS = 100_000_000L;

    /** What fills the timeline while the source is silent. */
    private enum Fill { NONE, HOLD, SLATE }

    /** Where the timeline starts (microseconds), clear of zero so no muxer shifts early timestamps. */
    static final long CLOCK_START = 10_000_000;

    private final RunSettings settings;
    private final Distribution distribution;
    private final MetricsRecorder metrics;
    private final boolean live;
    private final SlateSettings slate;
    private final LiveSound liveSound;
    private final AtomicLong slatePictures = new AtomicLong();
    private final Thread slateThread;
    private volatile Program program;
    private volatile long lastSourceNanos = System.nanoTime();
    private volatile Fill fill = Fill.NONE;
    private Frame held;
    private volatile boolean closed;

    /** @param liveSound sound from outside the source, or null */
    Stage(RunSettings settings, Distribution distribution, MetricsRecorder metrics, boolean live,
          SlateSettings slate, LiveSound liveSound) {
        this.settings = settings;
        this.distribution = distribution;
        this.metrics = metrics;
        this.live = live;
        this.slate = slate;
        this.liveSound = liveSound;
        this.slateThread = live && slate.enabled()
                ? Thread.ofPlatform().name("bridge-slate").daemon().start(this::runSlate) : null;
    }

    boolean live() {
        return live;
    }

    long clockStart() {
        return CLOCK_START;
    }

    /** The program, opened from {@code first} if this is the broadcast's first picture. */
    Program program(Frame first, Rational sourceRate) {
        Program current = program;
        if (current == null) {
            current = Program.open(settings, first, sourceRate, CLOCK_START, distribution, metrics, live,
                    liveSound);
            program = current;
        }
        return current;
    }

    /** The program, or null before the first source picture. */
    Program current() {
        return program;
    }

    /**
     * A source picture arrived (kept to be held if the source stalls): true once when it ends
     * the slate, so the source is re-based onto the timeline.
     */
    synchronized boolean sourcePicture(Frame picture) {
        lastSourceNanos = System.nanoTime();
        if (live && slate.enabled()) {
            if (held != null) {
                held.close();
            }
            held = picture.newReference();
        }
        Fill was = fill;
        fill = Fill.NONE;
        if (was == Fill.SLATE) {
            LOG.log(Level.INFO, "source is back after " + slatePictures.get() + " slate pictures");
        }
        return was == Fill.SLATE;
    }

    /** Whether the timeline is being filled (the source's sound is then not wanted). */
    boolean filling() {
        return fill != Fill.NONE;
    }

    /** A source connection ended; a file's end ends the broadcast. */
    void sourceEnded(boolean stopped) throws InterruptedException {
        Program current = program;
        if (current != null && !live && !stopped) {
            current.finish();
        }
    }

    /** What fills the timeline now, given how long the source has been silent. */
    private synchronized Fill due() {
        long silent = System.nanoTime() - lastSourceNanos;
        Fill wanted = program == null || silent < HOLD_AFTER_NANOS ? Fill.NONE
                : silent >= slate.after().toNanos() || held == null ? Fill.SLATE : Fill.HOLD;
        if (wanted == Fill.SLATE && fill != Fill.SLATE) {
            LOG.log(Level.WARNING, "no source picture for " + slate.after().toMillis() + " ms: showing the slate");
        }
        if (wanted != Fill.NONE) {
            fill = wanted;
        }
        return wanted;
    }

    private synchronized Frame heldPicture() {
        return held == null ? null : held.newReference();
    }

    private void runSlate() {
        Frame card = null;
        long next = System.nanoTime();
        try {
            while (!closed) {
                Program current = program;
                next += current == null ? 33_333_333L : current.frameMicros() * 1000;
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                if (System.nanoTime() - next > 1_000_000_000L) {
                    next = System.nanoTime(); // asleep too long: do not rush to catch up
                }
                current = program;
                if (card == null && current != null) {
                    // Drawn ahead of need: Java2D's first text takes about a second (fonts load).
                    card = card(current);
                }
                Fill wanted = closed ? Fill.NONE : due();
                if (wanted == Fill.NONE) {
                    continue;
                }
                current = program;
                try {
                    if (wanted == Fill.HOLD) {
                        try (Frame picture = heldPicture()) {
                            if (picture != null && current.picture(picture, current.next(CLOCK_START), false)) {
                                metrics.heldPicture();
                            }
                        }
                        continue;
                    }
                    if (current.picture(card, current.next(CLOCK_START), false)) {
                        slatePictures.incrementAndGet();
                        metrics.slatePicture();
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "the slate failed; trying again in a second", e);
                    LockSupport.parkNanos(1_000_000_000L);
                    next = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (card != null) {
                card.close();
            }
        }
    }

    /** The slate's picture at the top rung's size; the generated card when the image cannot be shown. */
    private Frame card(Program current) {
        int width = current.top().width();
        int height = current.top().height();
        try {
            return SlatePicture.make(slate.image(), width, height);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the slate image cannot be shown, the generated card is used: " + e.getMessage());
            return SlatePicture.make(null, width, height);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (slateThread != null) {
            LockSupport.unpark(slateThread);
            try {
                slateThread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Program current = program;
        if (current != null) {
            current.close();
        }
        synchronized (this) {
            if (held != null) {
                held.close();
                held = null;
            }
        }
    }
}
