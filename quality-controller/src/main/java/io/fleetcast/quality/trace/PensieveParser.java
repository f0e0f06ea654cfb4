package io.fleetcast.quality.trace;

import java.nio.file.Path;
import java.util.List;

/** pensieve: {@code seconds<TAB>Mbit/s}, each value held until the next line's time. */
final class PensieveParser {

    private PensieveParser() {
    }

    static float[] parse(Path file, List<String> lines) {
        double[] times = new double[lines.size()];
        double[] mbps = new double[lines.size()];
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 2) {
                throw new TraceFormatException(file, i + 1, "expected \"seconds<TAB>Mbit/s\", got \"" + line + "\"");
            }
            double t;
            double v;
            try {
                t = Double.parseDouble(fields[0]);
                v = Double.parseDouble(fields[1]);
            } catch (NumberFormatException e) {
                throw new TraceFormatException(file, i + 1, "not numbers: \"" + line + "\"");
            }
            if (!(t >= 0) || !(v >= 0) || Double.isInfinite(t) || Double.isInfinite(v)) {
                throw new TraceFormatException(file, i + 1, "time and throughput must be finite and >= 0");
            }
            if (count > 0 && t < times[count - 1]) {
                throw new TraceFormatException(file, i + 1, "time " + t + " goes back from " + times[count - 1]);
            }
            times[count] = t;
            mbps[count] = v;
            count++;
        }
        if (count < 2) {
            throw new TraceFormatException(file, 0, "needs at least two samples to know how long the first lasts");
        }
        long start = Math.round(times[0] * 1000);
        long end = Math.round(times[count - 1] * 1000);
        if (end - start <= 0 || end - start > Integer.MAX_VALUE) {
            throw new TraceFormatException(file, 0, "unusable duration " + (end - start) + " ms");
        }
        // The last line only marks where the previous value ends: its own duration is unknown.
        float[] bytes = new float[(int) (end - start)];
        for (int k = 0; k + 1 < count; k++) {
            int from = (int) (Math.round(times[k] * 1000) - start);
            int to = (int) (Math.round(times[k + 1] * 1000) - start);
            float perMs = (float) (mbps[k] * 1e6 / 8 / 1000);
            for (int ms = from; ms < to; ms++) {
                bytes[ms] = perMs;
            }
        }
        return bytes;
    }
}
