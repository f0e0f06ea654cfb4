package io.fleetcast.bridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An optional part's line in {@code /health}: {@code OFF} (its settings are absent), {@code UP},
 * or {@code DOWN} with the reason (no secrets). A part that is down never stops the broadcast.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartState(String state, String reason) {
    public static final PartState OFF = new PartState("OFF", null);
    public static final PartState UP = new PartState("UP", null);

    public PartState {
        Objects.requireNonNull(state, "state");
    }

    public static PartState down(String reason) {
        return new PartState("DOWN", Objects.requireNonNull(reason, "reason"));
    }
}
