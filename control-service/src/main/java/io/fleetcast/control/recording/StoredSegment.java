package io.fleetcast.control.recording;

/** An index row picked for deletion: its id and object key. */
public record StoredSegment(long id, String key) {
}
