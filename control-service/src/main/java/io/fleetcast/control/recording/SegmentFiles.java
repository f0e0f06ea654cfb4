package io.fleetcast.control.recording;

import io.fleetcast.control.http.NotFoundException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /recordings/files/<key>} in local mode: a segment named by a signed URL, whole or
 * one byte range ({@code Range: bytes=a-b}, as players fetch the EXT-X-MAP and media ranges).
 */
public final class SegmentFiles implements Handler {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final Optional<LocalSegments> local;

    SegmentFiles(Optional<LocalSegments> local) {
        this.local = local;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String key = req.path().path().substring(LocalSegments.PREFIX.length());
        LocalSegments segments = local.orElseThrow(() -> new NotFoundException("recordings are not served here"));
        Path file = segments.open(key, req.query().first("expires").orElse(""),
                req.query().first("signature").orElse(null));
        try {
            long size = Files.size(file);
            long first = 0;
            long last = size - 1;
            Optional<String> range = req.headers().first(HeaderNames.RANGE);
            if (range.isPresent()) {
                Matcher matcher = RANGE.matcher(range.get().trim());
                if (!matcher.matches() || Long.parseLong(matcher.group(1)) >= size) {
                    res.header(HeaderNames.CONTENT_RANGE, "bytes */" + size);
                    res.status(Status.REQUESTED_RANGE_NOT_SATISFIABLE_416).send();
                    return;
                }
                first = Long.parseLong(matcher.group(1));
                last = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
                res.status(Status.PARTIAL_CONTENT_206);
                res.header(HeaderNames.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + size);
            }
            res.header(HeaderNames.ACCEPT_RANGES, "bytes");
            res.header(HeaderNames.CONTENT_TYPE, "video/mp4");
            // Segments never change once written; the signed URL bounds how long this one works.
            res.header(HeaderNames.CACHE_CONTROL, "private, max-age=60");
            res.header(HeaderNames.CONTENT_LENGTH, Long.toString(last - first + 1));
            try (InputStream in = Files.newInputStream(file); OutputStream out = res.outputStream()) {
                in.skipNBytes(first);
                copy(in, out, last - first + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("serving recording " + key + " failed", e);
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("file ended " + left + " bytes early");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
