package io.fleetcast.bridge.s3;

/** A bucket call failed; the message names the bucket and key, never credentials. */
public final class BucketException extends RuntimeException {
    public BucketException(String message, Throwable cause) {
        super(message, cause);
    }
}
