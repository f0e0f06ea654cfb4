package io.fleetcast.control.socket;

/** An upgrade that must not happen; {@code status} is the HTTP answer instead. */
final class Refusal extends RuntimeException {

    private final int status;

    Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
