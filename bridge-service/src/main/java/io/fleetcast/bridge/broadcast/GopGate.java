package io.fleetcast.bridge.broadcast;

import java.util.BitSet;

/**
 * Decides which packets pass while an output is losing whole groups of pictures: once
 * dropping starts, a video stream passes again from its next keyframe, and the sound passes
 * again once every video stream has. Not thread safe: its owner guards it.
 */
final class GopGate {
    private final BitSet resumed = new BitSet();
    private int videoStreams;
    private boolean dropping;

    /** A new run: {@code videoStreams} video streams, indexed 0..n-1; nothing is dropped. */
    void reset(int videoStreams) {
        this.videoStreams = videoStreams;
        dropping = false;
        resumed.clear();
    }

    void startDropping() {
        dropping = true;
        resumed.clear();
    }

    boolean dropping() {
        return dropping;
    }

    /** Whether a packet passes (and, for a keyframe, whether its stream resumes). */
    boolean admit(StreamDescription stream, boolean keyframe) {
        if (!dropping) {
            return true;
        }
        if (stream.isAudio()) {
            return false;
        }
        if (keyframe) {
            resumed.set(stream.index());
            if (resumed.cardinality() >= videoStreams) {
                dropping = false;
            }
            return true;
        }
        return resumed.get(stream.index());
    }
}
