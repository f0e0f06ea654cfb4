package io.fleetcast.media.format;

import java.util.regex.Pattern;

/** Media URLs carry stream keys and passwords (user:pass@, ?pass=): strip them before logging. */
public final class MediaUrl {
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");

    private MediaUrl() {
    }

    public static String redact(String url) {
        if (url == null) {
            return "<none>";
        }
        String withoutQuery = url.contains("?") ? url.substring(0, url.indexOf('?')) + "?<redacted>" : url;
        return USER_INFO.matcher(withoutQuery).replaceFirst("$1<redacted>@");
    }

    /** True for anything read over a network (a URL with a scheme other than file:). */
    public static boolean isNetwork(String url) {
        int colon = url.indexOf("://");
        return colon > 1 && !url.regionMatches(true, 0, "file", 0, colon);
    }
}
