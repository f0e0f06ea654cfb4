package io.fleetcast.control.mediamtx;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * MediaMTX's control API as this service reaches it: its URL ({@code MEDIAMTX_API_URL}) and the
 * service credential ({@code MEDIAMTX_API_TOKEN}). MediaMTX sends every API and metrics request
 * through the auth webhook (mediamtx.yml excludes nothing), and the webhook allows them only
 * with this credential or an operator's token; this service presents it as a bearer token when
 * it calls the API, and a Prometheus scraper may present it for MediaMTX's metrics. The token
 * alone (no URL) still lets the webhook admit the scraper.
 */
public record MediaMtxApiSettings(Optional<URI> url, Optional<String> token) {
    static final int MIN_TOKEN = 20;

    public MediaMtxApiSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        if (url.isPresent() && token.isEmpty()) {
            throw new IllegalArgumentException("MEDIAMTX_API_URL needs MEDIAMTX_API_TOKEN: MediaMTX's API is "
                    + "reached through the auth webhook with that credential");
        }
        token.ifPresent(text -> {
            if (text.length() < MIN_TOKEN) {
                throw new IllegalArgumentException("MEDIAMTX_API_TOKEN must be at least " + MIN_TOKEN
                        + " characters (got " + text.length() + ")");
            }
        });
    }

    public static MediaMtxApiSettings none() {
        return new MediaMtxApiSettings(Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "MediaMtxApi[url=" + url.map(u -> u.getScheme() + "://" + u.getHost()
                + (u.getPort() > 0 ? ":" + u.getPort() : "") + u.getRawPath()).orElse("none")
                + ", token=" + (token.isPresent() ? "set" : "none") + "]";
    }
}
