package io.fleetcast.control.http;

import io.helidon.webserver.http.ServerRequest;

/** Path parameters that must be positive numeric ids. */
public final class Ids {
    private Ids() {
    }

    public static long pathId(ServerRequest request, String name) {
        String text = request.path().pathParameters().get(name);
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new BadInputException(name + " must be a positive integer, got '" + clip(text) + "'");
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
