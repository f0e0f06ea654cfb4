package io.fleetcast.bridge.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.Frame;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Live sound pushed from outside the robot (this bridge's {@code POST /ingest}, or another
 * bridge's {@code GET /stream}), 48 kHz stereo float, for the audio path to mix over or put
 * in place of the source's sound. Reads never block and always give the samples asked for:
 * where nothing fresh is there, silence. The rule (see {@link JitterBuffer}): the oldest
 * buffered samples come first; once nothing has arrived for the stale time (at most one
 * second, {@code AUDIO_STALE_MS}), the rest is dropped and reads are silence until the producer
 * sends again. One thread reads.
 */
public interface LiveAudio extends AutoCloseable {
    int SAMPLE_RATE = 48_000;

    /**
     * Fills {@code left[0, samples)} and {@code right[0, samples)}. The first n samples (the
     * return value) are the producer's, the rest silence (zeros).
     */
    int read(float[] left, float[] right, int samples);

    /**
     * Fills an fltp stereo frame of {@code nb_samples} samples (its buffers allocated, e.g.
     * by {@code av_frame_get_buffer}), made writable first; returns the producer's share as
     * {@link #read(float[], float[], int)} does. The frame's pts is left to the caller.
     */
    default int read(Frame frame) {
        AVFrame av = frame.av();
        if (av.format() != AV_SAMPLE_FMT_FLTP || av.ch_layout().nb_channels() != 2) {
            throw new IllegalArgumentException("live audio fills fltp stereo frames, got format " + av.format()
                    + " with " + av.ch_layout().nb_channels() + " channels");
        }
        AvCall.check("av_frame_make_writable", av_frame_make_writable(av));
        int samples = av.nb_samples();
        float[] left = new float[samples];
        float[] right = new float[samples];
        int fresh = read(left, right, samples);
        new FloatPointer(av.data(0)).put(left, 0, samples);
        new FloatPointer(av.data(1)).put(right, 0, samples);
        return fresh;
    }

    @Override
    void close();
}
