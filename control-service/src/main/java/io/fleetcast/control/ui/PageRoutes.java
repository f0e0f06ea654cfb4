package io.fleetcast.control.ui;

import io.fleetcast.control.http.NotFoundException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web pages ({@code ui/} on the class path): {@code /} the playroom, {@code /dashboard},
 * {@code /admin}, their scripts and styles under {@code /ui/}, and the pinned libraries under
 * {@code /ui/vendor/}. Pages are never cached without asking (a new release shows at once);
 * scripts and styles are revalidated by tag, so an unchanged file costs a 304.
 */
public final class PageRoutes {
    private static final Pattern FILE = Pattern.compile("[a-z][a-z0-9-]{0,63}\\.(js|css)");
    /** Vendor names the pages import, and where the build put each on the class path. */
    private static final Map<String, String> VENDOR = Map.of(
            "hls.mjs", "ui/vendor/hls.mjs",
            "uPlot.esm.js", "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.esm.js",
            "uPlot.min.css", "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css");
    private static final String PAGE_CACHE = "no-cache";
    private static final String FILE_CACHE = "public, max-age=0, must-revalidate";

    private final ContentSecurityPolicy policy;
    private final ClassLoader loader = PageRoutes.class.getClassLoader();
    private final Map<String, Optional<Asset>> assets = new ConcurrentHashMap<>();

    public PageRoutes(ContentSecurityPolicy policy) {
        this.policy = policy;
    }

    public void playroom(ServerRequest req, ServerResponse res) {
        send(req, res, "ui/playroom.html");
    }

    public void dashboard(ServerRequest req, ServerResponse res) {
        send(req, res, "ui/dashboard.html");
    }

    public void admin(ServerRequest req, ServerResponse res) {
        send(req, res, "ui/admin.html");
    }

    /** {@code /ui/{file}}: only plain names of scripts and styles, so no path leaves {@code ui/}. */
    public void file(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("file");
        if (!FILE.matcher(name).matches()) {
            throw new NotFoundException("no such file: " + name);
        }
        send(req, res, "ui/" + name);
    }

    public void vendor(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("file");
        String resource = VENDOR.get(name);
        if (resource == null) {
            throw new NotFoundException("no such file: " + name);
        }
        send(req, res, resource);
    }

    private void send(ServerRequest req, ServerResponse res, String resource) {
        Asset asset = assets.computeIfAbsent(resource, this::load)
                .orElseThrow(() -> new NotFoundException("no such file: " + req.path().path()));
        res.header(HeaderNames.CACHE_CONTROL, asset.cacheControl())
                .header(HeaderNames.ETAG, asset.etag())
                .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", policy.header());
        boolean unchanged = req.headers().value(HeaderNames.IF_NONE_MATCH)
                .map(tags -> tags.contains(asset.etag())).orElse(false);
        if (unchanged) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, asset.contentType()).send(asset.bytes());
    }

    private Optional<Asset> load(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            boolean page = resource.endsWith(".html");
            return Optional.of(new Asset(bytes, contentType(resource), page ? PAGE_CACHE : FILE_CACHE, tag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String contentType(String resource) {
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            default -> throw new IllegalStateException("no content type for " + resource);
        };
    }

    private static String tag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
