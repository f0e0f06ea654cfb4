package io.fleetcast.control.socket;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client presented at the upgrade. Browsers cannot set headers on a WebSocket, so a
 * token also comes as {@code ?token=} or as a {@code bearer.<token>} subprotocol.
 */
record Credentials(String streamKey, String token, boolean offersProtocol) {

    static final String PROTOCOL = "fleetcast.v1";
    static final HeaderName PROTOCOL_HEADER = HeaderNames.create("Sec-WebSocket-Protocol");
    private static final String BEARER = "bearer.";
    private static final String KEY = "key.";

    static Credentials from(UriQuery query, Headers headers) {
        String key = query.contains("key") ? query.get("key") : null;
        String token = query.contains("token") ? query.get("token") : null;
        boolean offers = false;
        for (String protocol : protocols(headers)) {
            if (protocol.equals(PROTOCOL)) {
                offers = true;
            } else if (protocol.startsWith(BEARER)) {
                token = protocol.substring(BEARER.length());
            } else if (protocol.startsWith(KEY)) {
                key = protocol.substring(KEY.length());
            }
        }
        if (headers.contains(HeaderNames.AUTHORIZATION)) {
            String value = headers.get(HeaderNames.AUTHORIZATION).get();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = value.substring(7).trim();
            }
        }
        return new Credentials(blankToNull(key), blankToNull(token), offers);
    }

    private static List<String> protocols(Headers headers) {
        List<String> out = new ArrayList<>();
        if (headers.contains(Credentials.PROTOCOL_HEADER)) {
            for (String value : headers.get(Credentials.PROTOCOL_HEADER).allValues()) {
                for (String part : value.split(",")) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        // Never let a key or token reach a log line.
        return "Credentials[key=" + (streamKey != null) + ", token=" + (token != null) + "]";
    }
}
