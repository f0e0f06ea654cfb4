package io.fleetcast.control.ui;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pages' Content-Security-Policy: scripts, styles and images from this service only; network
 * access to this service (API, control socket) and to the media origins the stream info names
 * (MediaMTX WebRTC and HLS, the CDN). hls.js feeds the video element through MSE (a blob: URL)
 * and runs its transmuxer in a worker it builds from a blob.
 */
public final class ContentSecurityPolicy {
    private final String header;

    public ContentSecurityPolicy(List<URI> mediaUrls) {
        Set<String> origins = new LinkedHashSet<>();
        for (URI url : mediaUrls) {
            origins.add(origin(url));
        }
        String media = origins.isEmpty() ? "" : " " + String.join(" ", origins);
        header = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " font-src 'self'; media-src 'self' blob:" + media + "; connect-src 'self'" + media
                + "; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static String origin(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("media URL needs a scheme and a host: " + url);
        }
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme().toLowerCase() + "://" + url.getHost().toLowerCase() + port;
    }

    public String header() {
        return header;
    }
}
