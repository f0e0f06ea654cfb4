package io.fleetcast.control.token;

import java.time.Instant;

/** A freshly signed token and when it stops working. */
public record IssuedToken(String token, Instant expiresAt) {
}
