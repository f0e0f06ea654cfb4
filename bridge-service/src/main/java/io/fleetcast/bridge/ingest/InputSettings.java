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
