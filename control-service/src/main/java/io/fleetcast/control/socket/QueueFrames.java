package io.fleetcast.control.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.control.protocol.MessageCodec;
import io.fleetcast.control.protocol.QueueEvent;
import io.fleetcast.control.queue.QueueSnapshot;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Queue snapshots travel between instances whole (with the waiting list), and each instance
 * turns them into one {@code queue} frame per socket carrying that member's own position.
 */
final class QueueFrames {

    private final MessageCodec codec;

    QueueFrames(MessageCodec codec) {
        this.codec = codec;
    }

    String forUser(QueueSnapshot snapshot, Long user) {
        return codec.encode(event(snapshot, user));
    }

    static QueueEvent event(QueueSnapshot snapshot, Long user) {
        return new QueueEvent(snapshot.event(), snapshot.driver(), snapshot.phase(),
                snapshot.readyBy(), snapshot.turnEndsAt(), snapshot.waiting().size(),
                snapshot.position(user));
    }

    String toRelay(QueueSnapshot snapshot) {
        ObjectNode node = codec.json().createObjectNode()
                .put("event", snapshot.event())
                .put("changed", snapshot.changed());
        putIfPresent(node, "driver", snapshot.driver());
        if (snapshot.phase() != null) {
            node.put("phase", snapshot.phase());
        }
        putIfPresent(node, "readyBy", snapshot.readyBy());
        putIfPresent(node, "turnEndsAt", snapshot.turnEndsAt());
        ArrayNode waiting = node.putArray("waiting");
        snapshot.waiting().forEach(waiting::add);
        return node.toString();
    }

    QueueSnapshot fromRelay(long robot, String text) {
        JsonNode node;
        try {
            node = codec.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("corrupt queue snapshot on the relay", e);
        }
        List<Long> waiting = new ArrayList<>();
        node.path("waiting").forEach(member -> waiting.add(member.asLong()));
        return new QueueSnapshot(robot, node.path("event").asText(),
                node.path("changed").asBoolean(), optionalLong(node, "driver"),
                node.hasNonNull("phase") ? node.get("phase").asText() : null,
                optionalLong(node, "readyBy"), optionalLong(node, "turnEndsAt"), waiting);
    }

    private static Long optionalLong(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asLong() : null;
    }

    private static void putIfPresent(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
