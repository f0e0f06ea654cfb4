package io.fleetcast.media;

import org.bytedeco.javacpp.Loader;

/**
 * Loads FFmpeg's native libraries up front. JavaCPP loads each one on the first use of its
 * bindings; for a live input that first use is the first picture (filter graph, scaler,
 * resampler), where the load (about 0.1 s here) delays the first segment.
 */
public final class FfmpegLibraries {
    private FfmpegLibraries() {
    }

    /** Idempotent and cheap once loaded. */
    public static void load() {
        Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
        Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
        Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
        Loader.load(org.bytedeco.ffmpeg.global.avfilter.class);
        Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
        Loader.load(org.bytedeco.ffmpeg.global.swresample.class);
    }
}
