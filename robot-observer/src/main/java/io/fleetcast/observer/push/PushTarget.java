package io.fleetcast.observer.push;

import io.fleetcast.media.format.MediaUrl;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Where the robot's stream goes and how: RTMP (FLV) or SRT (MPEG-TS), with the stream key
 * in the URL the media gateway expects. {@link #describe()} is the only form that is logged.
 */
public record PushTarget(Protocol protocol, String url, String host, int port, String path, String streamId) {
    public enum Protocol { RTMP, SRT }

    public PushTarget {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("push port out of range: " + port);
        }
    }

    /**
     * From a gateway base ({@code rtmp://media:1935} or {@code srt://media:8890}, optionally
     * with an application path, e.g. {@code rtmp://host/live} for nginx-rtmp), the path the
     * gateway knows the robot by ({@code robot_12}, or {@code playroom}) and its stream key.
     */
    public static PushTarget of(String gateway, String path, String streamKey) {
        if (!path.matches("[a-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("a media path is 1-64 of [a-z0-9_], got " + path);
        }
        URI base = URI.create(gateway.strip());
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (base.getHost() == null) {
            throw new IllegalArgumentException("the gateway needs a host, got " + MediaUrl.redact(gateway));
        }
        String user = URLEncoder.encode(path, StandardCharsets.UTF_8);
        String key = URLEncoder.encode(streamKey, StandardCharsets.UTF_8);
        String prefix = base.getPath() == null || base.getPath().isEmpty() || base.getPath().equals("/")
                ? "" : base.getPath().replaceAll("/+$", "");
        return switch (scheme) {
            case "rtmp", "rtmps" -> {
                int port = base.getPort() > 0 ? base.getPort() : scheme.equals("rtmps") ? 443 : 1935;
                yield new PushTarget(Protocol.RTMP, scheme + "://" + base.getHost() + ":" + port + prefix + "/" + path
                        + "?user=" + user + "&pass=" + key, base.getHost(), port, prefix + "/" + path, "");
            }
            case "srt" -> {
                int port = base.getPort() > 0 ? base.getPort() : 8890;
                // The stream id (with the key) goes as an option, not in the URL, which FFmpeg's SRT
                // protocol writes into its own error messages.
                yield new PushTarget(Protocol.SRT, "srt://" + base.getHost() + ":" + port + "?pkt_size=1316&latency=200000",
                        base.getHost(), port, path, "publish:" + path + ":" + path + ":" + streamKey);
            }
            default -> throw new IllegalArgumentException("the gateway must be rtmp://, rtmps:// or srt://, got "
                    + MediaUrl.redact(gateway));
        };
    }

    /**
     * The same target with a media token instead of the stream key: {@code ?token=} for RTMP,
     * the password of the SRT stream id; MediaMTX's JWT mode reads the token from either.
     */
    public PushTarget withToken(String token) {
        String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
        return protocol == Protocol.RTMP
                ? new PushTarget(protocol, url.substring(0, url.indexOf('?')) + "?token=" + encoded, host, port, path, "")
                : new PushTarget(protocol, url, host, port, path, "publish:" + path + ":" + path + ":" + token);
    }

    /** The muxer for this protocol. */
    public String format() {
        return protocol == Protocol.RTMP ? "flv" : "mpegts";
    }

    /** Parameter sets out of band (FLV) or in every keyframe (MPEG-TS). */
    public boolean globalHeader() {
        return protocol == Protocol.RTMP;
    }

    /** Protocol options: a write that cannot make progress fails instead of hanging forever. */
    public Map<String, String> ioOptions() {
        return streamId.isEmpty() ? Map.of("rw_timeout", "5000000") : Map.of("rw_timeout", "5000000", "streamid", streamId);
    }

    /** "rtmp://media:1935/robot_12": no key, no query. */
    public String describe() {
        return protocol.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port + (path.startsWith("/") ? path : "/" + path);
    }

    @Override
    public String toString() {
        return describe();
    }
}
