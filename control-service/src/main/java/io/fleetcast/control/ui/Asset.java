package io.fleetcast.control.ui;

import java.util.Objects;

/** One file the pages load, read once from the class path; the tag is a hash of its bytes. */
record Asset(byte[] bytes, String contentType, String cacheControl, String etag) {
    Asset {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(cacheControl, "cacheControl");
        Objects.requireNonNull(etag, "etag");
    }
}
