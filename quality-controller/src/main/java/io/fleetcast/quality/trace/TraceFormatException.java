package io.fleetcast.quality.trace;

import java.nio.file.Path;

/** A trace file that cannot be read as either format; names the file and line. */
public final class TraceFormatException extends RuntimeException {

    public TraceFormatException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    public TraceFormatException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
