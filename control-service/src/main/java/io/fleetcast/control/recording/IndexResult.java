package io.fleetcast.control.recording;

/** What indexing a segment did. */
public enum IndexResult { INDEXED, ALREADY_INDEXED, NO_SUCH_ROBOT, KEY_OF_ANOTHER_ROBOT }
