package io.fleetcast.control.protocol;

import java.util.Set;

/** The owner's quality override: {@code cap} at a state, {@code pin} to a state, or {@code auto}. */
public record Quality(String mode, String state) implements Message {

    private static final Set<String> MODES = Set.of("cap", "pin", "auto");
    private static final Set<String> STATES = Set.of("HIGH", "MEDIUM", "LOW", "VERY_LOW");

    public Quality {
        if (!MODES.contains(mode)) {
            throw new ProtocolException("bad_message", "mode must be cap, pin or auto", null);
        }
        if (mode.equals("auto")) {
            state = null;
        } else if (!STATES.contains(state)) {
            throw new ProtocolException("bad_message",
                    "state must be HIGH, MEDIUM, LOW or VERY_LOW", null);
        }
    }

    @Override
    public String type() {
        return "quality";
    }
}
