package io.fleetcast.observer.control;

/** @param ref the refused frame's seq, or null */
record ErrorFrame(String code, String message, Long ref) implements ServerFrame {
}
