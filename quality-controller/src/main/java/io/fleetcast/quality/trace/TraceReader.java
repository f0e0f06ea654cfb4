package io.fleetcast.quality.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads trace files of either format, recognised by content rather than by name. */
public final class TraceReader {

    private TraceReader() {
    }

    public static Trace read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new TraceFormatException(file, "cannot read", e);
        }
        String first = lines.stream().filter(l -> !l.isBlank()).findFirst()
                .orElseThrow(() -> new TraceFormatException(file, 0, "no data lines"));
        TraceFormat format;
        try {
            format = TraceFormat.sniff(first);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(file, 1, e.getMessage());
        }
        String name = file.getFileName().toString();
        TraceKind kind = TraceKind.classify(name, format);
        float[] bytesPerMs = format == TraceFormat.MAHIMAHI
                ? MahimahiParser.parse(file, lines)
                : PensieveParser.parse(file, lines);
        return new Trace(name, kind, format, bytesPerMs);
    }

    /**
     * Every trace under {@code dir}, sorted by path. Documentation ({@code *.md},
     * {@code *.txt}) and hidden files are skipped; anything else must parse.
     */
    public static List<Trace> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir.toAbsolutePath().normalize());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(TraceReader::looksLikeTrace)
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<Trace> traces = new ArrayList<>();
        for (Path file : files) {
            traces.add(read(file));
        }
        return traces;
    }

    private static boolean looksLikeTrace(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".md") && !name.endsWith(".txt");
    }
}
