package io.fleetcast.control.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Parses the body; malformed JSON, wrong types and failed record validation become 400. */
    public <T> T read(ServerRequest request, Class<T> type) {
        try (InputStream in = request.content().inputStream()) {
            T value = mapper.readValue(in, type);
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
