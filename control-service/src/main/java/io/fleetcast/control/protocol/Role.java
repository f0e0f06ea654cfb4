package io.fleetcast.control.protocol;

import java.util.Locale;

/** What a socket may do on a robot's control channel. */
public enum Role {
    /** The robot itself, authenticated with its stream key. */
    ROBOT,
    /** The robot's owner: drives, caps quality, sees everything. */
    OWNER,
    /** A user granted drive, or the playroom's current driver. */
    DRIVER,
    /** A user granted view, or anyone on the playroom. */
    VIEWER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
