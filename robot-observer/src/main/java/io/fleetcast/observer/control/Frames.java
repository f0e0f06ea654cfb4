package io.fleetcast.observer.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityState;

/** Protocol v1 frames as the robot reads and writes them (control-service/PROTOCOL.md). */
final class Frames {
    static final String CLIENT = "robot-observer/0.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    static ServerFrame decode(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FrameException("not JSON", text, e);
        }
        if (frame == null || !frame.isObject()) {
            throw new FrameException("not a JSON object", text, null);
        }
        try {
            return switch (frame.path("type").asText()) {
                case "welcome" -> new WelcomeFrame(frame.path("v").asInt(), frame.path("robot").asLong(),
                        frame.path("kind").asText(), frame.path("role").asText(), frame.path("robotOnline").asBoolean());
                case "command" -> new CommandFrame(new RobotCommand(required(frame, "action").asText(),
                        frame.get("args") instanceof ObjectNode args ? args : null,
                        required(frame, "seq").asLong(), optionalLong(frame, "user")));
                case "quality" -> new QualityFrame(limits(frame));
                case "error" -> new ErrorFrame(frame.path("code").asText(), frame.path("message").asText(),
                        optionalLong(frame, "ref"));
                default -> new OtherFrame(frame.path("type").asText());
            };
        } catch (IllegalArgumentException e) {
            throw new FrameException(e.getMessage(), text, e);
        }
    }

    private static Limits limits(JsonNode frame) {
        String mode = required(frame, "mode").asText();
        return switch (mode) {
            case "auto" -> Limits.NONE;
            case "cap" -> Limits.cap(QualityState.valueOf(required(frame, "state").asText()));
            case "pin" -> Limits.pin(QualityState.valueOf(required(frame, "state").asText()));
            default -> throw new IllegalArgumentException("unknown quality mode " + mode);
        };
    }

    private static JsonNode required(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static Long optionalLong(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }

    static ObjectNode hello() {
        return JSON.createObjectNode().put("type", "hello").put("v", 1).put("client", CLIENT);
    }

    /** {@code message} null for a plain ok. */
    static ObjectNode ack(long seq, long user, boolean ok, String message) {
        ObjectNode ack = JSON.createObjectNode().put("type", "ack").put("seq", seq).put("user", user).put("ok", ok);
        if (message != null) {
            ack.put("message", message);
        }
        return ack;
    }

    static ObjectNode state(long at, ObjectNode data) {
        ObjectNode state = JSON.createObjectNode().put("type", "state").put("at", at);
        state.set("data", data);
        return state;
    }

    static ObjectNode metrics(long at, StreamMetrics metrics) {
        ObjectNode frame = JSON.createObjectNode().put("type", "metrics").put("at", at);
        frame.putObject("network")
                .put("throughputKbps", metrics.throughputKbps())
                .put("rttMs", metrics.rttMs())
                .put("lossPct", metrics.lossPct())
                .put("queueBytes", metrics.queueBytes());
        frame.putObject("quality")
                .put("state", metrics.state().name())
                .put("bitrateKbps", metrics.bitrateKbps());
        return frame;
    }

    static String text(JsonNode frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write frame " + frame.path("type").asText(), e);
        }
    }
}
