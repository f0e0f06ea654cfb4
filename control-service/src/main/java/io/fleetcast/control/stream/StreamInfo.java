package io.fleetcast.control.stream;

/**
 * Where the UI connects. WebRTC (WHEP) URLs are {@code webrtcBaseUrl/<path>/whep}; HLS URLs
 * are {@code hlsBaseUrl/<path>/index.m3u8}; spectators play {@code playroomPlaylistUrl}.
 */
public record StreamInfo(String webrtcBaseUrl, String hlsBaseUrl, String playroomPath, String playroomPlaylistUrl,
                         String playroomWhepUrl) {
}
