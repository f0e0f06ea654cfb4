package io.fleetcast.bridge.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Reads request bodies into records and writes records as JSON. Unlike the control service,
 * unknown fields are refused: a misspelt "ladder" would otherwise start a broadcast with the
 * default ladder without a word.
 */
public final class Json {
    private static final int MAX_BODY = 64 * 1024;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public Json() {
        // A number or boolean where text is expected is a client error, not something to coerce.
        for (CoercionInputShape shape : new CoercionInputShape[] {
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The body as {@code type}, or {@code empty} when there is no body; bad JSON is a 400 naming the field. */
    public <T> T readOptional(ServerRequest request, Class<T> type, T empty) {
        if (!request.content().hasEntity()) {
            return empty;
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw ApiException.badRequest("request body is larger than " + MAX_BODY + " bytes", null);
            }
            if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                return empty;
            }
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("request body must be a JSON object", null);
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badField(path(e), "unknown field; known: " + e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            if (!e.getPath().isEmpty()) {
                throw ApiException.badField(path(e), "wrong type: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            }
            throw ApiException.badRequest("malformed JSON body: " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw ApiException.badRequest("malformed JSON body: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(ServerResponse response, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
        response.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(bytes);
    }

    /** {@code destinations[0].rung}: the path Jackson was at, as the API documents fields. */
    private static String path(JsonMappingException e) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                text.append('[').append(ref.getIndex()).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return text.isEmpty() ? "body" : text.toString();
    }
}
