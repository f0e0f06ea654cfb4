package io.fleetcast.control.auth;

import java.util.Locale;

/** The {@code result} label of the auth decision metric. */
enum Outcome {
    ALLOW, DENY, CHALLENGE, LIMITED, UNAVAILABLE, MALFORMED;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
