package io.fleetcast.config;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Values as they may appear in an error or a log line: URLs lose user, password and query. */
public final class Redacted {
    private Redacted() {
    }

    /** {@code scheme://host:port/path} of {@code uri}: no user info, no query (which may carry a key). */
    public static String url(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return uri.getScheme() == null ? "<not a URL>" : uri.getScheme() + "://<no host>";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path;
    }

    /**
     * {@code text} itself unless it looks like a URL: then with user info and query replaced
     * by {@code <redacted>}; in a comma-separated list each item on its own.
     */
    public static String value(String text) {
        if (text.indexOf(',') >= 0) {
            return Arrays.stream(text.split(",", -1)).map(Redacted::value).collect(Collectors.joining(","));
        }
        if (!text.contains("://")) {
            return text;
        }
        // Not through java.net.URI: a value that fails to parse may still carry a password.
        return text.replaceFirst("://[^/?#]*@", "://<redacted>@").replaceFirst("\\?.*$", "?<redacted>");
    }
}
