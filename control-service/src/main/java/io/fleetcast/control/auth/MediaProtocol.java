package io.fleetcast.control.auth;

/** MediaMTX's {@code protocol} field; {@code NONE} for api/metrics/pprof, which carry none. */
public enum MediaProtocol {
    RTSP("rtsp"), RTMP("rtmp"), HLS("hls"), WEBRTC("webrtc"), SRT("srt"), MOQ("moq"), NONE("");

    private static final MediaProtocol[] ALL = values();

    private final String wire;

    MediaProtocol(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static MediaProtocol parse(String text) {
        for (MediaProtocol protocol : ALL) {
            if (protocol.wire.equals(text)) {
                return protocol;
            }
        }
        throw new MalformedAuthRequestException("unknown protocol '" + Texts.clip(text) + "'");
    }
}
