package io.fleetcast.control.auth;

/** An auth request body that is not the MediaMTX (or nginx-rtmp) contract; denied with 400. */
public final class MalformedAuthRequestException extends RuntimeException {
    public MalformedAuthRequestException(String message) {
        super(message);
    }
}
