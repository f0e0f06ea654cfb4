package io.fleetcast.control.stream;

import io.fleetcast.control.http.NotFoundException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /hls/...}: the files of an HLS directory (CONTROL_HLS_DIR), for a machine where
 * no media server serves the bridge's output. Playlists are never cached (they change every
 * segment); only names of letters, digits, dots, dashes and underscores, one or two levels
 * deep, so nothing outside the directory can be asked for.
 */
public final class HlsFiles implements Handler {
    private static final Pattern PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]{0,127}/)?[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}"
            + "\\.(m3u8|ts|m4s|mp4|aac)");

    private final Optional<Path> dir;

    public HlsFiles(Optional<Path> dir) {
        this.dir = dir;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String path = req.path().path().substring("/hls/".length());
        if (dir.isEmpty() || !PATH.matcher(path).matches() || path.contains("..")) {
            throw new NotFoundException("no such file: /hls/" + path);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.get().resolve(path));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("no such file: /hls/" + path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /hls/" + path, e);
        }
        boolean playlist = path.endsWith(".m3u8");
        res.header(HeaderNames.CONTENT_TYPE, contentType(path))
                .header(HeaderNames.CACHE_CONTROL, playlist ? "no-cache" : "max-age=60")
                .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .send(bytes);
    }

    private static String contentType(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return switch (extension) {
            case "m3u8" -> "application/vnd.apple.mpegurl";
            case "ts" -> "video/mp2t";
            case "m4s" -> "video/iso.segment";
            case "mp4" -> "video/mp4";
            default -> "audio/aac";
        };
    }
}
