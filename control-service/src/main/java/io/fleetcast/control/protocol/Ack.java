package io.fleetcast.control.protocol;

/** The robot's answer to a command, routed back to the user who sent it. */
public record Ack(long seq, Long user, boolean ok, String message) implements Message {

    public Ack {
        if (seq < 0) {
            throw new ProtocolException("bad_message", "seq must be >= 0", null);
        }
        message = message == null ? "" : message;
    }

    @Override
    public String type() {
        return "ack";
    }
}
