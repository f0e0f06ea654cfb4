package io.fleetcast.media;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_move_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Owns one AVFrame; close frees it (and its data references) once. */
public final class Frame implements AutoCloseable {
    private AVFrame frame;

    public Frame() {
        frame = AvCall.allocated("av_frame_alloc", av_frame_alloc());
    }

    /** A frame with its own picture buffer of {@code width x height} in {@code pixelFormat}. */
    public static Frame video(int width, int height, int pixelFormat) {
        Frame frame = new Frame();
        try {
            frame.frame.width(width);
            frame.frame.height(height);
            frame.frame.format(pixelFormat);
            AvCall.check("av_frame_get_buffer", width + "x" + height,
                    org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer(frame.frame, 0));
            return frame;
        } catch (RuntimeException e) {
            frame.close();
            throw e;
        }
    }

    public AVFrame av() {
        if (frame == null) {
            throw new IllegalStateException("frame already freed");
        }
        return frame;
    }

    /** A new frame referencing the same data (no pixel copy). */
    public Frame newReference() {
        Frame copy = new Frame();
        AvCall.check("av_frame_ref", av_frame_ref(copy.frame, av()));
        return copy;
    }

    /** Moves this frame's data into a new owner and leaves this one empty for reuse. */
    public Frame moveOut() {
        Frame moved = new Frame();
        av_frame_move_ref(moved.frame, av());
        return moved;
    }

    public void unref() {
        av_frame_unref(av());
    }

    @Override
    public void close() {
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
    }
}
