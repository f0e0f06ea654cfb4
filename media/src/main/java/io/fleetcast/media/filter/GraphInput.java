package io.fleetcast.media.filter;

import io.fleetcast.media.Rational;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;

/** What a frame source of a filter graph accepts; each becomes a labelled input {@code [inN]}. */
public sealed interface GraphInput {
    String bufferArgs();

    /** Raw video, optionally on the GPU ({@code hardwareFrames} non-null). */
    record Video(int width, int height, int pixelFormat, Rational timeBase, Rational frameRate,
                 Rational sampleAspect, AVBufferRef hardwareFrames) implements GraphInput {
        public Video {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("video input needs a size, got " + width + "x" + height);
            }
        }

        @Override
        public String bufferArgs() {
            Rational aspect = sampleAspect == null || sampleAspect.num() == 0 ? new Rational(1, 1) : sampleAspect;
            String args = "video_size=" + width + "x" + height + ":pix_fmt=" + pixelFormat
                    + ":time_base=" + timeBase + ":pixel_aspect=" + aspect;
            return frameRate == null || frameRate.num() == 0 ? args : args + ":frame_rate=" + frameRate;
        }
    }

    /** Raw audio; {@code sampleFormat} is FFmpeg's name ("fltp"), {@code layout} e.g. "stereo". */
    record Audio(int sampleRate, String sampleFormat, String layout, Rational timeBase) implements GraphInput {
        public Audio {
            if (sampleRate <= 0) {
                throw new IllegalArgumentException("audio input needs a sample rate, got " + sampleRate);
            }
        }

        @Override
        public String bufferArgs() {
            return "time_base=" + timeBase + ":sample_rate=" + sampleRate + ":sample_fmt=" + sampleFormat
                    + ":channel_layout=" + layout;
        }
    }
}
