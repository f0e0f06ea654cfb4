package io.fleetcast.bridge.restream;

import io.fleetcast.media.format.MediaUrl;
import io.fleetcast.media.retry.Backoff;
import java.time.Duration;
import java.util.Locale;

/**
 * One RTMP(S) destination. {@code url} is the server's application URL
 * ({@code rtmp://a.rtmp.youtube.com/live2}) and {@code key} the stream key joined to it as
 * YouTube does; the key never appears in {@link #toString()}, {@link #redacted()} or any
 * validation message. {@code rung} names the ladder rung to send ("720p"), null for the top
 * one. {@code tlsCaFile} (rtmps only) is the CA bundle the server's certificate is verified
 * against, null to skip verification. {@code pace} is how far behind the encoders packets are
 * sent at the pace of their timestamps, so that the destination sees a steady stream through
 * the encoders' hiccups (zero: as they come).
 */
public record RestreamSettings(String name, String url, String key, String rung, Backoff backoff,
                               Duration connectTimeout, Duration ioTimeout, String tlsCaFile, Duration pace) {
    public static final String KEY_REDACTED = "<key redacted>";
    public static final Duration DEFAULT_PACE = Duration.ofMillis(500);

    public RestreamSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a destination needs a name");
        }
        url = checkedUrl(url);
        if (key == null || key.isBlank() || key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the stream key must not be empty or contain spaces");
        }
        if (rung != null && !rung.matches("\\d+p")) {
            throw new IllegalArgumentException("rung must look like 720p, got '" + rung + "'");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || ioTimeout.isNegative() || ioTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (pace.isNegative()) {
            throw new IllegalArgumentException("the pace must not be negative");
        }
    }

    /** A destination paced {@link #DEFAULT_PACE} behind the encoders. */
    public RestreamSettings(String name, String url, String key, String rung, Backoff backoff,
                            Duration connectTimeout, Duration ioTimeout, String tlsCaFile) {
        this(name, url, key, rung, backoff, connectTimeout, ioTimeout, tlsCaFile, DEFAULT_PACE);
    }

    public RestreamSettings withPace(Duration newPace) {
        return new RestreamSettings(name, url, key, rung, backoff, connectTimeout, ioTimeout, tlsCaFile, newPace);
    }

    /**
     * A destination from a configured URL and key. A blank key means the URL already ends with
     * it ({@code rtmp://host/app/key}): the last path segment is the key.
     */
    public static RestreamSettings of(String name, String url, String key, String rung, Backoff backoff,
                                      Duration connectTimeout, Duration ioTimeout, String tlsCaFile) {
        String base = url == null ? "" : url.trim();
        String streamKey = key == null ? "" : key.trim();
        if (streamKey.isEmpty()) {
            int slash = base.lastIndexOf('/');
            int pathStart = base.indexOf('/', base.indexOf("://") + 3);
            if (pathStart < 0 || slash <= pathStart || slash == base.length() - 1) {
                throw new IllegalArgumentException("without a separate key the URL must end with one: "
                        + "rtmp://host/app/<key>");
            }
            streamKey = base.substring(slash + 1);
            base = base.substring(0, slash);
        }
        return new RestreamSettings(name, base, streamKey, rung, backoff, connectTimeout, ioTimeout, tlsCaFile);
    }

    /** What FFmpeg opens: the application URL, a slash, the key. */
    public String target() {
        return url + "/" + key;
    }

    public boolean tls() {
        return url.regionMatches(true, 0, "rtmps:", 0, 6);
    }

    /** The destination as it may be logged: {@code rtmp://host/app/<key redacted>}. */
    public String redacted() {
        return MediaUrl.redact(url) + "/" + KEY_REDACTED;
    }

    /** {@code text} with the key replaced, for messages that came from elsewhere (FFmpeg). */
    public String scrub(String text) {
        return text == null ? null : text.replace(key, KEY_REDACTED);
    }

    @Override
    public String toString() {
        return name + " " + redacted();
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the URL is empty");
        }
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int colon = trimmed.indexOf("://");
        String scheme = colon < 0 ? "" : trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtmp") && !scheme.equals("rtmps")) {
            throw new IllegalArgumentException("only rtmp:// and rtmps:// are supported, got "
                    + (scheme.isEmpty() ? "no scheme" : "'" + scheme + "://'"));
        }
        int pathStart = trimmed.indexOf('/', colon + 3);
        String host = pathStart < 0 ? trimmed.substring(colon + 3) : trimmed.substring(colon + 3, pathStart);
        if (host.isEmpty() || host.startsWith(":") || pathStart < 0 || pathStart == trimmed.length() - 1
                || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the URL must look like " + scheme + "://host[:port]/app");
        }
        return trimmed;
    }
}
