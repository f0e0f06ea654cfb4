package io.fleetcast.control.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Writes messages with a stable field order and without null fields. */
final class MessageWriter {

    private final ObjectMapper json;

    MessageWriter(ObjectMapper json) {
        this.json = json;
    }

    String write(Message message) {
        try {
            return json.writeValueAsString(tree(message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode tree(Message message) {
        ObjectNode out = json.createObjectNode().put("type", message.type());
        switch (message) {
            case Hello m -> out.put("v", m.v()).put("client", m.client());
            case Welcome m -> {
                out.put("v", m.v()).put("robot", m.robot()).put("kind", m.kind())
                        .put("role", m.role().wire());
                putIfPresent(out, "user", m.user());
                out.put("robotOnline", m.robotOnline());
            }
            case Command m -> {
                out.put("seq", m.seq()).put("action", m.action()).set("args", m.args());
                putIfPresent(out, "user", m.user());
            }
            case Ack m -> {
                out.put("seq", m.seq());
                putIfPresent(out, "user", m.user());
                out.put("ok", m.ok());
                if (!m.message().isEmpty()) {
                    out.put("message", m.message());
                }
            }
            case State m -> out.put("at", m.at()).set("data", m.data());
            case Metrics m -> {
                out.put("at", m.at()).set("network", m.network());
                out.set("quality", m.quality());
            }
            case Quality m -> {
                out.put("mode", m.mode());
                if (m.state() != null) {
                    out.put("state", m.state());
                }
            }
            case QueueRequest m -> out.put("action", m.action());
            case QueueEvent m -> {
                out.put("event", m.event());
                putIfPresent(out, "driver", m.driver());
                if (m.phase() != null) {
                    out.put("phase", m.phase());
                }
                putIfPresent(out, "readyBy", m.readyBy());
                putIfPresent(out, "turnEndsAt", m.turnEndsAt());
                out.put("length", m.length());
                if (m.position() != null) {
                    out.put("position", m.position());
                }
            }
            case Presence m -> {
                out.put("robot", m.robot()).put("online", m.online());
                if (m.video() != null) {
                    out.putObject("video").put("live", m.video().live()).put("since", m.video().since());
                }
            }
            case Alert m -> out.put("id", m.id()).put("robot", m.robot()).put("kind", m.kind())
                    .put("active", m.active()).put("since", m.since()).put("at", m.at())
                    .put("message", m.message());
            case ErrorMessage m -> {
                out.put("code", m.code()).put("message", m.message());
                putIfPresent(out, "ref", m.ref());
            }
        }
        return out;
    }

    private static void putIfPresent(ObjectNode out, String field, Long value) {
        if (value != null) {
            out.put(field, value);
        }
    }
}
