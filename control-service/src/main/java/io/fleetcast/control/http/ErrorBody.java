package io.fleetcast.control.http;

/** The one error shape every endpoint answers with. */
public record ErrorBody(String error, String message) {
}
