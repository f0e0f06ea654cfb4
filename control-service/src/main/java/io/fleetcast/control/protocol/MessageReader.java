package io.fleetcast.control.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Parses and validates one text frame; every failure is a {@link ProtocolException}. */
final class MessageReader {

    private final ObjectMapper json;

    MessageReader(ObjectMapper json) {
        this.json = json;
    }

    Message read(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new ProtocolException("bad_json", "not valid JSON", null, e);
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException("bad_json", "a message is a JSON object", null);
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new ProtocolException("bad_message", "missing string field type", null);
        }
        Long ref = root.path("seq").canConvertToLong() ? root.path("seq").asLong() : null;
        try {
            return switch (type.asText()) {
                case "hello" -> new Hello(integer(root, "v"), optionalText(root, "client"));
                case "welcome" -> new Welcome(integer(root, "v"), number(root, "robot"),
                        text(root, "kind"), role(root), optionalNumber(root, "user"),
                        bool(root, "robotOnline"));
                case "command" -> new Command(number(root, "seq"), text(root, "action"),
                        object(root, "args", true), optionalNumber(root, "user"));
                case "ack" -> new Ack(number(root, "seq"), optionalNumber(root, "user"),
                        !root.has("ok") || bool(root, "ok"), optionalText(root, "message"));
                case "state" -> new State(optionalLong(root, "at"), object(root, "data", false));
                case "metrics" -> new Metrics(optionalLong(root, "at"),
                        object(root, "network", false), object(root, "quality", true));
                case "quality" -> new Quality(text(root, "mode"), optionalText(root, "state"));
                case "queue" -> root.has("action")
                        ? new QueueRequest(text(root, "action"))
                        : queueEvent(root);
                case "presence" -> new Presence(number(root, "robot"), bool(root, "online"), video(root));
                case "alert" -> new Alert(text(root, "id"), number(root, "robot"), text(root, "kind"),
                        bool(root, "active"), number(root, "since"), number(root, "at"), text(root, "message"));
                case "error" -> new ErrorMessage(text(root, "code"), optionalText(root, "message"),
                        optionalNumber(root, "ref"));
                default -> throw new ProtocolException("unknown_type",
                        "unknown message type", ref);
            };
        } catch (ProtocolException e) {
            throw e.ref() == null && ref != null
                    ? new ProtocolException(e.code(), e.getMessage(), ref, e) : e;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProtocolException("bad_message", String.valueOf(e.getMessage()), ref, e);
        }
    }

    private static QueueEvent queueEvent(JsonNode root) {
        return new QueueEvent(text(root, "event"), optionalNumber(root, "driver"),
                optionalText(root, "phase"), optionalNumber(root, "readyBy"),
                optionalNumber(root, "turnEndsAt"), integer(root, "length"),
                root.hasNonNull("position") ? integer(root, "position") : null);
    }

    private static Role role(JsonNode root) {
        return Role.fromWire(text(root, "role"));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new ProtocolException("bad_message", "missing string field " + field, null);
        }
        return node.asText();
    }

    private static String optionalText(JsonNode root, String field) {
        return root.hasNonNull(field) ? text(root, field) : null;
    }

    private static long number(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new ProtocolException("bad_message", "missing integer field " + field, null);
        }
        return node.asLong();
    }

    private static Long optionalNumber(JsonNode root, String field) {
        return root.hasNonNull(field) ? number(root, field) : null;
    }

    private static long optionalLong(JsonNode root, String field) {
        return root.hasNonNull(field) ? number(root, field) : 0L;
    }

    private static int integer(JsonNode root, String field) {
        long value = number(root, field);
        if (value != (int) value) {
            throw new ProtocolException("bad_message", field + " out of range", null);
        }
        return (int) value;
    }

    private static boolean bool(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isBoolean()) {
            throw new ProtocolException("bad_message", "missing boolean field " + field, null);
        }
        return node.asBoolean();
    }

    private Video video(JsonNode root) {
        if (!root.has("video") || root.get("video").isNull()) {
            return null;
        }
        ObjectNode video = object(root, "video", false);
        return new Video(bool(video, "live"), optionalText(video, "since"));
    }

    private ObjectNode object(JsonNode root, String field, boolean optional) {
        JsonNode node = root.get(field);
        if ((node == null || node.isNull()) && optional) {
            return json.createObjectNode();
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException("bad_message", "missing object field " + field, null);
        }
        return (ObjectNode) node;
    }
}
