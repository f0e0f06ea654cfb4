package io.fleetcast.quality.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes small traces of both formats for tests, so no test needs the shared trace folder. */
public final class TraceFiles {

    private TraceFiles() {
    }

    /** A mahimahi trace of {@code seconds} with a steady {@code mbps} (whole packets per ms where possible). */
    public static Path mahimahi(Path dir, String name, double mbps, int seconds) {
        StringBuilder lines = new StringBuilder();
        double packetsPerMs = mbps * 1e6 / 8 / 1000 / 1500;
        double owed = 0;
        for (int ms = 0; ms < seconds * 1000; ms++) {
            owed += packetsPerMs;
            while (owed >= 1) {
                lines.append(ms).append('\n');
                owed -= 1;
            }
        }
        lines.append(seconds * 1000).append('\n');
        return write(dir, name, lines.toString());
    }

    /** A pensieve trace holding each of {@code mbps} for {@code stepSeconds}. */
    public static Path pensieve(Path dir, String name, double stepSeconds, double... mbps) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i <= mbps.length; i++) {
            double value = mbps[Math.min(i, mbps.length - 1)];
            lines.append(String.format(Locale.ROOT, "%.3f\t%.6f%n", i * stepSeconds, value));
        }
        return write(dir, name, lines.toString());
    }

    public static Path write(Path dir, String name, String content) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
