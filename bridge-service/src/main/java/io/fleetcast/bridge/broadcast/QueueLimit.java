package io.fleetcast.bridge.broadcast;

import java.util.List;

/** How many bytes may wait for one output: some seconds of its streams' bitrate, within bounds. */
final class QueueLimit {
    /** Bytes that may wait when the streams' bitrates are unknown. */
    static final long DEFAULT_BYTES = 8L << 20;
    private static final long MIN_BYTES = 256L << 10;

    private QueueLimit() {
    }

    static long bytes(List<StreamDescription> streams, double seconds) {
        long bitsPerSecond = 0;
        for (StreamDescription stream : streams) {
            bitsPerSecond += stream.isAudio() ? stream.parameters().av().bit_rate() : stream.rung().maxRate();
        }
        return bitsPerSecond <= 0 ? DEFAULT_BYTES : Math.max(MIN_BYTES, (long) (bitsPerSecond / 8 * seconds));
    }
}
