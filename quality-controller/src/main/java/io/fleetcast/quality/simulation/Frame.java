package io.fleetcast.quality.simulation;

/** One encoded frame waiting in the send queue; only {@link SendQueue} changes it. */
final class Frame {

    final long createdMs;
    final int bytes;
    final boolean keyframe;
    double remaining;

    Frame(long createdMs, int bytes, boolean keyframe) {
        this.createdMs = createdMs;
        this.bytes = bytes;
        this.keyframe = keyframe;
        this.remaining = bytes;
    }
}
