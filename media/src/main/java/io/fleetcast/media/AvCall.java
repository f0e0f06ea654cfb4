package io.fleetcast.media;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;


/** The one checker every FFmpeg return code goes through. */
public final class AvCall {
    public static final int EOF = AVERROR_EOF;
    public static final int AGAIN = AVERROR_EAGAIN();

    private AvCall() {
    }

    /** Returns {@code code} when it is not negative, else throws naming the call and the error. */
    public static int check(String call, int code) {
        if (code < 0) {
            throw new MediaException(call + " failed: " + errorText(code) + " (" + code + ")", code);
        }
        return code;
    }

    /** Like {@link #check} with the object the call was about (an input URL, an encoder name). */
    public static int check(String call, String subject, int code) {
        if (code < 0) {
            throw new MediaException(call + "(" + subject + ") failed: " + errorText(code)
                    + " (" + code + ")", code);
        }
        return code;
    }

    /** Throws when {@code pointer} is null: FFmpeg allocators report failure that way. */
    public static <T extends org.bytedeco.javacpp.Pointer> T allocated(String call, T pointer) {
        if (pointer == null || pointer.isNull()) {
            throw new MediaException(call + " returned no object (out of memory or unknown name)");
        }
        return pointer;
    }

    public static String errorText(int code) {
        byte[] buffer = new byte[256];
        if (av_strerror(code, buffer, buffer.length) < 0) {
            return "unknown error " + code;
        }
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }
}
