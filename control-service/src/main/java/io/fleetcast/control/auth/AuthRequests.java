package io.fleetcast.control.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Parses the two request shapes {@code /internal/auth} accepts: MediaMTX's JSON body and
 * nginx-rtmp's {@code on_publish} form post. Anything else is a {@link MalformedAuthRequestException}.
 */
final class AuthRequests {
    // A shared buffer pool: MediaMTX opens a connection (a new virtual thread) per request, so
    // Jackson's default per-thread buffers would be allocated afresh every time.
    private final JsonFactory json = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build();

    AuthRequest fromJson(byte[] body) {
        String ip = null;
        String user = null;
        String password = null;
        String token = null;
        String action = null;
        String path = null;
        String protocol = null;
        String query = null;
        String id = null;
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedAuthRequestException("body must be a JSON object");
            }
            JsonToken next;
            while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    if (isContractField(name) && (value != JsonToken.VALUE_NULL || !"id".equals(name) && !"userAgent".equals(name))) {
                        throw new MalformedAuthRequestException(name + " must be a string");
                    }
                    parser.skipChildren();
                    continue;
                }
                switch (name) {
                    case "ip" -> ip = parser.getText();
                    case "user" -> user = parser.getText();
                    case "password" -> password = parser.getText();
                    case "token" -> token = parser.getText();
                    case "action" -> action = parser.getText();
                    case "path" -> path = parser.getText();
                    case "protocol" -> protocol = parser.getText();
                    case "query" -> query = parser.getText();
                    case "id" -> id = parser.getText();
                    default -> { }
                }
            }
            if (next != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new MalformedAuthRequestException("body must be a single JSON object");
            }
        } catch (IOException e) {
            throw new MalformedAuthRequestException("malformed JSON body");
        }
        return build(ip, user, password, token, action, path, protocol, query, sessionId(id));
    }

    /** nginx-rtmp {@code on_publish}: {@code call=publish&name=robot_12&addr=...&pass=KEY}. */
    AuthRequest fromForm(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        String call = fields.get("call");
        if (!"publish".equals(call)) {
            throw new MalformedAuthRequestException("only nginx-rtmp on_publish (call=publish) is accepted");
        }
        // The publisher's own query arrives as extra form fields: keep the whole form as the query
        // so pass/token/key parameters are found the same way as in MediaMTX requests.
        return build(fields.get("addr"), fields.get("user"), fields.get("pass"), fields.get("token"), "publish",
                fields.get("name"), "rtmp", text, null);
    }

    private static AuthRequest build(String ip, String user, String password, String token, String action,
                                     String path, String protocol, String query, UUID sessionId) {
        if (action == null) {
            throw new MalformedAuthRequestException("action is required");
        }
        return new AuthRequest(ip, user, password, token, AuthAction.parse(action), path,
                MediaProtocol.parse(protocol == null ? "" : protocol), query, sessionId);
    }

    /** MediaMTX sends a UUID; anything else is not used (decisions never depend on it). */
    private static UUID sessionId(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isContractField(String name) {
        return switch (name) {
            case "ip", "user", "password", "token", "action", "path", "protocol", "id", "query", "userAgent" -> true;
            default -> false;
        };
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedAuthRequestException("malformed form encoding");
        }
    }
}
