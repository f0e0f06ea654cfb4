package io.fleetcast.control.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads request bodies into records and writes records as JSON responses. */
public final class Json {
    private static final int MAX_BODY = 64 * 1024;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
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

    /** Parses the body; malformed JSON, wrong types and failed record validation become 400. */
    public <T> T read(ServerRequest request, Class<T> type) {
        if (!request.content().hasEntity()) {
            throw new BadInputException("request body must be a JSON object");
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new TooLargeException("request body is larger than " + MAX_BODY + " bytes");
            }
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new BadInputException("request body must be a JSON object");
            }
            return value;
        } catch (JacksonException e) {
            throw new BadInputException("malformed JSON body: " + describe(e), e);
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

    private static String describe(JacksonException e) {
        // Validation errors from compact constructors carry the useful message as the cause.
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        String message = e.getOriginalMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
