package io.fleetcast.control.auth;

/** MediaMTX's {@code action} field. */
public enum AuthAction {
    PUBLISH("publish"), READ("read"), PLAYBACK("playback"), API("api"), METRICS("metrics"), PPROF("pprof");

    private static final AuthAction[] ALL = values();

    private final String wire;

    AuthAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static AuthAction parse(String text) {
        for (AuthAction action : ALL) {
            if (action.wire.equals(text)) {
                return action;
            }
        }
        throw new MalformedAuthRequestException("unknown action '" + Texts.clip(text) + "'");
    }
}
