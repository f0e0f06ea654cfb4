package io.fleetcast.control.recording;

/** The answer of {@code POST /internal/recordings}: {@code indexed} false when it already was. */
record IndexedView(long robot, String key, boolean indexed) {
}
