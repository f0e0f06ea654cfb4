package io.fleetcast.bridge.restream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The H.264 parameter sets (SPS, PPS) of an Annex B keyframe, as Annex B extradata. The
 * bridge's rung encoders run without a global header (MPEG-TS wants the parameter sets in
 * band), so their codec parameters carry no extradata; FLV needs it for its sequence header,
 * and every keyframe of those encoders repeats the sets in band.
 */
final class ParameterSets {
    private static final int SPS = 7;
    private static final int PPS = 8;
    private static final int SPS_EXTENSION = 13;
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private ParameterSets() {
    }

    /** SPS/PPS NAL units of {@code annexB} with four-byte start codes; empty when it has none. */
    static byte[] of(ByteBuffer annexB) {
        ByteArrayOutputStream sets = new ByteArrayOutputStream();
        boolean sps = false;
        boolean pps = false;
        int limit = annexB.limit();
        int start = nextUnit(annexB, annexB.position(), limit);
        while (start >= 0 && start < limit) {
            int next = nextUnit(annexB, start, limit);
            int end = next < 0 ? limit : startCodeBegin(annexB, next);
            int type = annexB.get(start) & 0x1F;
            if (type == SPS || type == PPS || type == SPS_EXTENSION) {
                sps |= type == SPS;
                pps |= type == PPS;
                sets.writeBytes(START_CODE);
                for (int i = start; i < end; i++) {
                    sets.write(annexB.get(i));
                }
            }
            start = next;
        }
        return sps && pps ? sets.toByteArray() : new byte[0];
    }

    /** Index of the first byte after the next start code at or after {@code from}, or -1. */
    private static int nextUnit(ByteBuffer data, int from, int limit) {
        for (int i = from; i + 2 < limit; i++) {
            if (data.get(i) == 0 && data.get(i + 1) == 0 && data.get(i + 2) == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    /** Where the start code ending just before {@code unit} begins (three or four bytes, trailing zeros dropped). */
    private static int startCodeBegin(ByteBuffer data, int unit) {
        int begin = unit - 3;
        while (begin > 0 && data.get(begin - 1) == 0) {
            begin--;
        }
        return begin;
    }
}
