package io.fleetcast.media;

/**
 * A failed FFmpeg call or an unusable media input, carrying what was called on what and the
 * FFmpeg error text, so a log line alone says what went wrong.
 */
public class MediaException extends RuntimeException {
    private final int code;

    public MediaException(String message) {
        this(message, 0, null);
    }

    public MediaException(String message, int code) {
        this(message, code, null);
    }

    public MediaException(String message, int code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The negative FFmpeg return code, or 0 when the failure did not come from a call. */
    public int code() {
        return code;
    }

    /** True when FFmpeg reported the end of a stream (AVERROR_EOF). */
    public boolean isEndOfStream() {
        return code == AvCall.EOF;
    }
}
