package io.fleetcast.control.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Text frames to messages and back; thread-safe, share one per process. */
public final class MessageCodec {

    private final ObjectMapper json;
    private final MessageReader reader;
    private final MessageWriter writer;

    public MessageCodec() {
        this.json = new ObjectMapper();
        this.reader = new MessageReader(json);
        this.writer = new MessageWriter(json);
    }

    /** @throws ProtocolException with the error code the client should see */
    public Message decode(String text) {
        return reader.read(text);
    }

    public String encode(Message message) {
        return writer.write(message);
    }

    public ObjectNode tree(Message message) {
        return writer.tree(message);
    }

    public ObjectMapper json() {
        return json;
    }
}
