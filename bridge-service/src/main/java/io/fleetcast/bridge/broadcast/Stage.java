package io.fleetcast.bridge.broadcast;

import io.fleetcast.bridge.metrics.MetricsRecorder;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.HardwareDevice;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What outlives the source's connections: the {@link Program} (opened on the first source
 * picture) and, for live inputs, the slate. When no source picture has come for the slate's
 * delay, the slate's thread puts the slate picture on the timeline at the program's frame
 * rate, with silence, so every output keeps receiving; the next source picture takes over
 * again, re-based to follow on. Runs (one per connection) feed it from the ingest thread.
 */
final class Stage implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Stage.class.getName());
    /** Where the timeline starts (microseconds), clear of zero so no muxer shifts early timestamps. */
    static final long CLOCK_START = 10_000_000;

    private final RunSettings settings;
    private final Distribution distribution;
    private final MetricsRecorder metrics;
    private final HardwareDevice device;
    private final boolean live;
    private final SlateSettings slate;
    private final AtomicLong slatePictures = new AtomicLong();
    private final Thread slateThread;
    private volatile Program program;
    private volatile long lastSourceNanos = System.nanoTime();
    private volatile boolean slateShowing;
    private volatile boolean closed;

    Stage(RunSettings settings, Distribution distribution, MetricsRecorder metrics, HardwareDevice device,
          boolean live, SlateSettings slate) {
        this.settings = settings;
        this.distribution = distribution;
        this.metrics = metrics;
        this.device = device;
        this.live = live;
        this.slate = slate;
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
            current = Program.open(settings, first, sourceRate, CLOCK_START, distribution, metrics, device, live);
            program = current;
        }
        return current;
    }

    /** The program, or null before the first source picture. */
    Program current() {
        return program;
    }

    /** A source picture arrived: true once when it ends a slate (the source is then re-based). */
    synchronized boolean takeSourceReturned() {
        lastSourceNanos = System.nanoTime();
        if (slateShowing) {
            slateShowing = false;
            LOG.log(Level.INFO, "source is back after " + slatePictures.get() + " slate pictures");
            return true;
        }
        return false;
    }

    boolean slateShowing() {
        return slateShowing;
    }

    /** Slate pictures shown so far. */
    long slatePictures() {
        return slatePictures.get();
    }

    /** A source connection ended; a file's end ends the broadcast. */
    void sourceEnded(boolean stopped) throws InterruptedException {
        Program current = program;
        if (current != null && !live && !stopped) {
            current.finish();
        }
    }

    private synchronized boolean slateDue() {
        if (program == null || System.nanoTime() - lastSourceNanos < slate.after().toNanos()) {
            return false;
        }
        if (!slateShowing) {
            slateShowing = true;
            LOG.log(Level.WARNING, "no source picture for " + slate.after().toMillis() + " ms: showing the slate");
        }
        return true;
    }

    private void runSlate() {
        Frame picture = null;
        long next = System.nanoTime();
        try {
            while (!closed) {
                Program current = program;
                next += current == null ? 33_333_333L : current.frameMicros() * 1000;
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                if (System.nanoTime() - next > 1_000_000_000L) {
                    next = System.nanoTime(); // asleep too long: do not rush to catch up
                }
                if (closed || !slateDue()) {
                    continue;
                }
                current = program;
                try {
                    if (picture == null) {
                        picture = SlatePicture.make(slate.image(), current.top().width(), current.top().height());
                    }
                    if (current.picture(picture, current.next(CLOCK_START), false)) {
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
            if (picture != null) {
                picture.close();
            }
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
    }
}
