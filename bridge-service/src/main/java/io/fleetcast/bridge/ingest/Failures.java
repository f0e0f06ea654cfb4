package io.fleetcast.bridge.ingest;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_DECODER_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_DEMUXER_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_PROTOCOL_NOT_FOUND;

import io.fleetcast.media.MediaException;

/**
 * Which input failures are worth a reconnect. A live source that is down, refusing or not
 * published yet comes back; a URL with an unknown protocol, or something that is not
 * media, never will, so retrying it would only hide the mistake.
 */
public final class Failures {
    private Failures() {
    }

    public static boolean permanent(MediaException e) {
        int code = e.code();
        return code == 0 // our own findings, such as an input without video
                || code == AVERROR_PROTOCOL_NOT_FOUND
                || code == AVERROR_INVALIDDATA
                || code == AVERROR_DEMUXER_NOT_FOUND
                || code == AVERROR_DECODER_NOT_FOUND;
    }
}
