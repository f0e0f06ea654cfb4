package io.fleetcast.bridge.hls;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The RFC 6381 codec string of an H.264 stream ("avc1.64001f"), read from the sequence
 * parameter set in an Annex B keyframe, so the master playlist states what the encoder
 * really chose (profile and level), not what we asked for.
 */
final class AvcCodecs {
    static final String AAC_LC = "mp4a.40.2";
    private static final int SPS = 7;

    private AvcCodecs() {
    }

    /** Returns the codec string, or null when the packet holds no SPS. */
    static String fromAnnexB(ByteBuffer data) {
        int size = data.remaining();
        int base = data.position();
        for (int i = 0; i + 6 < size; i++) {
            if (data.get(base + i) == 0 && data.get(base + i + 1) == 0 && data.get(base + i + 2) == 1) {
                int header = data.get(base + i + 3) & 0xff;
                if ((header & 0x1f) == SPS) {
                    return String.format(Locale.ROOT, "avc1.%02x%02x%02x", data.get(base + i + 4) & 0xff,
                            data.get(base + i + 5) & 0xff, data.get(base + i + 6) & 0xff);
                }
            }
        }
        return null;
    }
}
