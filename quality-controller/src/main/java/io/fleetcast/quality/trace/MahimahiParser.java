package io.fleetcast.quality.trace;

import java.nio.file.Path;
import java.util.List;

/** mahimahi: each line is a millisecond at which one 1500-byte packet may leave. */
final class MahimahiParser {

    static final int PACKET_BYTES = 1500;

    private MahimahiParser() {
    }

    static float[] parse(Path file, List<String> lines) {
        long[] stamps = new long[lines.size()];
        int count = 0;
        long previous = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            long ms;
            try {
                ms = Long.parseLong(line);
            } catch (NumberFormatException e) {
                throw new TraceFormatException(file, i + 1, "expected a millisecond timestamp, got \"" + line + "\"");
            }
            if (ms < previous) {
                throw new TraceFormatException(file, i + 1, "timestamp " + ms + " goes back from " + previous);
            }
            previous = ms;
            stamps[count++] = ms;
        }
        long period = stamps[count - 1];
        if (period <= 0) {
            throw new TraceFormatException(file, 0, "the last timestamp must be > 0 (it is the loop period)");
        }
        if (period > Integer.MAX_VALUE) {
            throw new TraceFormatException(file, 0, "trace longer than " + Integer.MAX_VALUE + " ms");
        }
        // mahimahi repeats the schedule every `period` ms, so a stamp equal to the period
        // is the same instant as stamp 0 of the next pass.
        float[] bytes = new float[(int) period];
        for (int i = 0; i < count; i++) {
            bytes[(int) (stamps[i] % period)] += PACKET_BYTES;
        }
        return bytes;
    }
}
