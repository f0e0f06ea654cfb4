package io.fleetcast.control.protocol;

/** First message a client may send; the server answers with {@link Welcome}. */
public record Hello(int v, String client) implements Message {

    public Hello {
        client = client == null ? "" : client;
    }

    @Override
    public String type() {
        return "hello";
    }
}
