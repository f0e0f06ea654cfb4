package io.fleetcast.control.stream;

import io.fleetcast.control.http.Json;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /api/stream/info}: public, so the playroom page can start playing before login.
 * Without a CDN the playroom playlist is MediaMTX's own HLS (local-first).
 */
public final class StreamInfoRoutes implements Handler {
    private final StreamInfo info;
    private final Supplier<Optional<Long>> playroomRobot;
    private final Json json;

    public StreamInfoRoutes(URI webrtcBase, URI hlsBase, Optional<URI> cdnBase, String playroomPlaylist,
                            Supplier<Optional<Long>> playroomRobot, Json json) {
        String webrtc = trim(webrtcBase);
        String hls = trim(hlsBase);
        String playlist = cdnBase.map(cdn -> trim(cdn) + "/" + playroomPlaylist).orElse(hls + "/playroom/index.m3u8");
        this.info = new StreamInfo(webrtc, hls, "playroom", playlist, webrtc + "/playroom/whep", null);
        this.playroomRobot = playroomRobot;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        json.send(res, Status.OK_200, info.withPlayroomRobot(playroomRobot.get().orElse(null)));
    }

    private static String trim(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
