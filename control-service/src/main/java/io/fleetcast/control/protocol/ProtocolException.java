package io.fleetcast.control.protocol;

/** A message that cannot be accepted; {@code code} is what the client sees in {@code error}. */
public final class ProtocolException extends RuntimeException {

    private final String code;
    private final Long ref;

    public ProtocolException(String code, String message, Long ref) {
        super(message);
        this.code = code;
        this.ref = ref;
    }

    public ProtocolException(String code, String message, Long ref, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.ref = ref;
    }

    public String code() {
        return code;
    }

    public Long ref() {
        return ref;
    }
}
