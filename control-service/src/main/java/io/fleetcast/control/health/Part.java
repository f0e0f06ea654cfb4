package io.fleetcast.control.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An optional part's line in {@code /health}: {@code OFF} (its settings are absent), {@code UP},
 * or {@code DOWN} with the reason. A part that is down never takes the service down with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Part(String state, String reason) {

    public static final Part OFF = new Part("OFF", null);
    public static final Part UP = new Part("UP", null);

    public Part {
        Objects.requireNonNull(state, "state");
    }

    public static Part down(String reason) {
        return new Part("DOWN", Objects.requireNonNull(reason, "reason"));
    }
}
