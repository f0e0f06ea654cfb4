package io.fleetcast.bridge.ingest;

import io.fleetcast.media.format.MediaUrl;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the broadcast comes from and how patiently to read it. Small probe size and
 * analyze duration get the first segment out fast (FFmpeg's defaults wait seconds).
 */
public record InputSettings(String url, Duration timeout, int probeSize, int analyzeMicros,
                            Duration reconnectMin, Duration reconnectMax) {
    public static final int DEFAULT_PROBE_SIZE = 500_000;
    /**
     * FFmpeg reads a live input for up to this long to learn its streams' formats before
     * anything is decoded; the packets read meanwhile are kept and decoded afterwards, so the
     * wait only delays the start. 0.1 s (3 pictures at 30 fps) finds the picture size and
     * the audio format of an H.264 + AAC MPEG-TS camera, but is too short to measure the frame
     * rate: the run then takes the rate the stream declares, and the audio resampler takes the
     * format from the first decoded sound.
     * ({@code fflags nobuffer} would drop those packets, the opening keyframe with them.)
     */
    public static final int DEFAULT_ANALYZE_MICROS = 100_000;

    public InputSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("input URL is required");
        }
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnect max " + reconnectMax + " is below min " + reconnectMin);
        }
    }

    /** Network inputs are live: they reconnect when they end; files stop at their end. */
    public boolean live() {
        return MediaUrl.isNetwork(url);
    }

    public String scheme() {
        int colon = url.indexOf("://");
        return colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "file";
    }

    /** Demuxer and protocol options: timeouts for each network protocol, fast probing. */
    public Map<String, String> ffmpegOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("probesize", Integer.toString(probeSize));
        options.put("analyzeduration", Integer.toString(analyzeMicros));
        String micros = Long.toString(timeout.toNanos() / 1000);
        switch (scheme()) {
            case "rtsp", "rtsps" -> {
                options.put("rtsp_transport", "tcp");
                options.put("timeout", micros);
            }
            case "rtmp", "rtmps" -> options.put("rw_timeout", micros);
            case "srt" -> {
                options.put("timeout", micros);
                options.put("connect_timeout", Long.toString(timeout.toMillis()));
            }
            case "file" -> { }
            default -> options.put("rw_timeout", micros);
        }
        return options;
    }
}
