package io.fleetcast.observer.camera;

import io.fleetcast.media.Frame;
import io.fleetcast.observer.scene.SceneSubject;
import io.fleetcast.observer.scene.SyntheticScene;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.locks.LockSupport;

/** The synthetic scene as a camera: paints a picture of the robot at its frame rate, paced by the clock. */
public final class SyntheticCamera implements Camera {
    private static final Logger LOG = System.getLogger(SyntheticCamera.class.getName());

    private final CameraSpec.Synthetic spec;
    private final SceneSubject subject;
    private final FrameSlot slot = new FrameSlot();
    private final Thread thread;
    private volatile boolean closed;

    public SyntheticCamera(CameraSpec.Synthetic spec, SceneSubject subject, int index) {
        this.spec = spec;
        this.subject = subject;
        this.thread = Thread.ofPlatform().name("camera-" + index + "-synthetic").daemon().unstarted(this::run);
        thread.start();
    }

    @Override
    public FrameSlot slot() {
        return slot;
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    private void run() {
        SyntheticScene scene = new SyntheticScene(spec.width(), spec.height());
        long period = 1_000_000_000L / spec.fps();
        long next = System.nanoTime();
        while (!closed) {
            long capture = System.currentTimeMillis();
            try {
                Frame picture = scene.paint(subject.pose(capture), capture);
                slot.put(picture, capture, true);
            } catch (RuntimeException e) {
                // Retried at the next picture: the scene must not stop for good.
                LOG.log(Level.ERROR, "synthetic camera failed to paint: " + e.getMessage(), e);
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -period) {
                next = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        slot.close();
    }
}
