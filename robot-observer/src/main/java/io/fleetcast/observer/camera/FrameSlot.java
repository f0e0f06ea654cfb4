package io.fleetcast.observer.camera;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.Frame;

/**
 * The latest picture of one camera, handed from the camera's thread to the encoder's: the
 * camera puts, the encoder takes a reference (no pixel copy). The slot owns the frame it
 * holds; the short lock guards only the swap.
 */
public final class FrameSlot implements AutoCloseable {
    private Frame latest;
    private long captureMillis;
    private boolean live;
    private long pictures;
    private boolean closed;

    /** Replaces the held picture with {@code frame} (the slot takes ownership). */
    public synchronized void put(Frame frame, long captureMillis, boolean live) {
        if (closed) {
            frame.close(); // a camera thread that outlived close()
            return;
        }
        if (latest != null) {
            latest.close();
        }
        latest = frame;
        this.captureMillis = captureMillis;
        this.live = live;
        pictures++;
    }

    /**
     * Makes {@code into} (empty) reference the latest picture. Returns its capture time in
     * epoch milliseconds, or -1 when the camera has given nothing yet.
     */
    public synchronized long copyInto(Frame into) {
        if (latest == null) {
            return -1;
        }
        AvCall.check("av_frame_ref", org.bytedeco.ffmpeg.global.avutil.av_frame_ref(into.av(), latest.av()));
        return captureMillis;
    }

    /** Whether the picture held is from the camera (not the "no signal" card). */
    public synchronized boolean live() {
        return live && latest != null;
    }

    /** Pictures put so far. */
    public synchronized long pictures() {
        return pictures;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (latest != null) {
            latest.close();
            latest = null;
        }
    }
}
