package io.fleetcast.control.protocol;

import java.util.Objects;

/** A refused or malformed message; {@code ref} is the command's seq when there was one. */
public record ErrorMessage(String code, String message, Long ref) implements Message {

    public ErrorMessage {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
    }

    public static ErrorMessage of(ProtocolException e) {
        return new ErrorMessage(e.code(), e.getMessage(), e.ref());
    }

    @Override
    public String type() {
        return "error";
    }
}
