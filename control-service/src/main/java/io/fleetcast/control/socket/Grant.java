package io.fleetcast.control.socket;

/** What the owner granted a user on a robot; DRIVE includes VIEW. */
public enum Grant {
    NONE, VIEW, DRIVE
}
