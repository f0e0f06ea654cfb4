package io.fleetcast.bridge.restream;

import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Why a connection attempt or a live connection ended, and whether trying again can help.
 * FFmpeg reports both refusals only through its return code and its log, so:
 * <ul>
 * <li>{@link Kind#REFUSED}: opening failed after the server answered in RTMP and said no.
 *     FFmpeg's RTMP client returns -1 ({@code AVERROR(EPERM)}) when the server answers the
 *     publish with an {@code onStatus} of level "error" (bad or unknown stream key,
 *     "NetStream.Publish.BadName", "...Denied"), and {@code AVERROR_UNKNOWN} when it answers
 *     connect or publish with {@code _error} (wrong application, authentication); it logs the
 *     server's text as "Server error: ...".</li>
 * <li>{@link Kind#TLS_REFUSED}: opening an rtmps:// destination failed with an OpenSSL error in
 *     FFmpeg's log ("SSL routines::certificate verify failed", "...wrong version number" or
 *     "packet length too long" from a server that does not speak TLS, a handshake alert).
 *     A connection reset or end of file during the handshake is not one: FFmpeg logs those as
 *     "IO error", and a restarting server causes them.</li>
 * <li>{@link Kind#TRANSIENT}: everything else (refused or reset connections, timeouts, name
 *     resolution, a live connection that broke).</li>
 * </ul>
 */
record Failure(Kind kind, String message) {
    enum Kind { TRANSIENT, REFUSED, TLS_REFUSED }

    static final int PUBLISH_REFUSED = -1;

    /** Classifies a failed open from its return code and what FFmpeg logged meanwhile. */
    static Kind ofOpen(int code, List<String> ffmpegLines, boolean tls) {
        if (code == PUBLISH_REFUSED || code == avutil.AVERROR_UNKNOWN) {
            return Kind.REFUSED;
        }
        if (tls && ffmpegLines.stream().anyMatch(line -> line.contains("SSL routines"))) {
            return Kind.TLS_REFUSED;
        }
        return Kind.TRANSIENT;
    }

    /** The server's or OpenSSL's own words from FFmpeg's log ("Server error: ..."), or "" when it gave none. */
    static String detail(List<String> ffmpegLines) {
        for (String line : ffmpegLines) {
            for (String marker : List.of("Server error:", "SSL routines::")) {
                int at = line.indexOf(marker);
                if (at >= 0) {
                    return line.substring(at).strip();
                }
            }
        }
        return "";
    }

    boolean permanent() {
        return kind != Kind.TRANSIENT;
    }
}
