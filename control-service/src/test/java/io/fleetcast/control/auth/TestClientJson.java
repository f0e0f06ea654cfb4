package io.fleetcast.control.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Serialises a test body to a JSON string (for tests that then corrupt it). */
final class TestClientJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestClientJson() {
    }

    static String of(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
