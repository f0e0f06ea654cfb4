package io.fleetcast.bridge.audio;

/**
 * A request the audio endpoint refuses, with the HTTP status and a message for the client
 * (never a secret). {@link AudioEndpoint#routing} turns it into the response.
 */
final class AudioRequestException extends RuntimeException {
    private final int status;

    AudioRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    AudioRequestException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    int status() {
        return status;
    }
}
