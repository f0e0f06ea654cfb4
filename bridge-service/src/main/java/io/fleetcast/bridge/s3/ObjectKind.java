package io.fleetcast.bridge.s3;

/**
 * The two kinds of object HLS puts in a bucket and the headers each needs: a segment never
 * changes once written (a CDN may keep it a year), a playlist changes every segment.
 */
public enum ObjectKind {
    SEGMENT("video/mp2t", "max-age=31536000, immutable"),
    PLAYLIST("application/vnd.apple.mpegurl", "no-cache");

    private final String contentType;
    private final String cacheControl;

    ObjectKind(String contentType, String cacheControl) {
        this.contentType = contentType;
        this.cacheControl = cacheControl;
    }

    public String contentType() {
        return contentType;
    }

    public String cacheControl() {
        return cacheControl;
    }
}
