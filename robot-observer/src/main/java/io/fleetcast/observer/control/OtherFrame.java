package io.fleetcast.observer.control;

/** A frame a robot has no use for (presence, queue events, a newer protocol's types). */
record OtherFrame(String type) implements ServerFrame {
}
