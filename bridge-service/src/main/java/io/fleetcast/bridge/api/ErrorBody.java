package io.fleetcast.bridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one error shape every route answers with; {@code field} only when one is at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String field) {
}
