package io.fleetcast.media.log;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_DEBUG;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_VERBOSE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;

/**
 * Routes FFmpeg's av_log into a {@link System.Logger}. FFmpeg has one log callback per
 * process, and so does this class: one native callback, installed once, hands every message
 * to the newest instance (JavaCPP backs each callback class with a fixed table of ten native
 * thunks: an eleventh live callback object would get a null one, and FFmpeg's next message
 * would jump to address 0). The owner of the process (a Main, a test) creates one of these; a
 * newer instance replaces an older one. Closing the current one silences FFmpeg.
 *
 * <p>Messages logged on a thread inside {@link #capture} are also collected, so a failed
 * open can report FFmpeg's own explanation ("No NVENC capable devices found") beside the
 * generic return code.
 *
 * <p>Secrets registered with {@link #redact} (stream keys) are replaced in every message
 * before it is logged or captured: FFmpeg prints a URL's path at debug level and a server's
 * error text (which may repeat the key) at error level.
 */
public final class FfmpegLog implements AutoCloseable {
    private static final int QUIET = -8;
    /** The process's one native log callback (never collected: FFmpeg holds its address). */
    private static final Callback CALLBACK = new Callback();
    private static volatile FfmpegLog current;
    private static boolean installed;

    private final Logger logger;
    private static final String REDACTED = "<redacted>";

    // Process-wide like the callback: captures and secrets of any instance see every message.
    private static final ThreadLocal<List<String>> captured = new ThreadLocal<>();
    private static final List<String> secrets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public FfmpegLog(Logger logger, Level threshold) {
        this.logger = logger;
        synchronized (FfmpegLog.class) {
            current = this;
            av_log_set_level(toFfmpeg(threshold));
            if (!installed) {
                installed = true;
                setLogCallback(CALLBACK);
            }
        }
    }

    /** From now on {@code secret} never appears in a message of FFmpeg's (blank ones are ignored). */
    public void redact(String secret) {
        if (secret != null && !secret.isBlank() && !secrets.contains(secret)) {
            secrets.add(secret);
        }
    }

    /** Runs {@code action} and returns the FFmpeg messages it logged on this thread. */
    public List<String> capture(Runnable action) {
        List<String> lines = new ArrayList<>();
        List<String> previous = captured.get();
        captured.set(lines);
        try {
            action.run();
        } finally {
            captured.set(previous);
        }
        return lines;
    }

    /**
     * An error with the FFmpeg messages captured while it happened, without their context
     * prefixes ("[CUDA @ 0x55d0c0a1b2c0] "): "... failed: Operation not permitted (-1)
     * [Cannot load libcuda.so.1; Could not dynamically load CUDA]".
     */
    public static String withMessages(String error, List<String> messages) {
        if (messages.isEmpty()) {
            return error;
        }
        return error + " [" + String.join("; ", messages.stream()
                .map(m -> m.replaceFirst("^\\[[^]]* @ 0x[0-9a-fA-F]+\\] ", "")).toList()) + "]";
    }

    /** Like {@link #capture} but keeps the messages when the action throws. */
    public List<String> captureInto(List<String> lines, Runnable action) {
        List<String> previous = captured.get();
        captured.set(lines);
        try {
            action.run();
        } finally {
            captured.set(previous);
        }
        return lines;
    }

    @Override
    public void close() {
        synchronized (FfmpegLog.class) {
            if (!closed) {
                closed = true;
                if (current == this) {
                    av_log_set_level(QUIET);
                }
            }
        }
    }

    private void publish(int level, String text) {
        if (closed) {
            return;
        }
        String line = text.strip();
        if (line.isEmpty()) {
            return;
        }
        for (String secret : secrets) {
            line = line.replace(secret, REDACTED);
        }
        List<String> lines = captured.get();
        if (lines != null && level <= AV_LOG_WARNING) {
            lines.add(line);
        }
        Level mapped = toJdk(level);
        if (logger.isLoggable(mapped)) {
            logger.log(mapped, "ffmpeg: {0}", line);
        }
    }

    static Level toJdk(int ffmpegLevel) {
        if (ffmpegLevel <= AV_LOG_ERROR) {
            return Level.ERROR;
        }
        if (ffmpegLevel <= AV_LOG_WARNING) {
            return Level.WARNING;
        }
        if (ffmpegLevel <= AV_LOG_INFO) {
            return Level.INFO;
        }
        return ffmpegLevel <= AV_LOG_VERBOSE ? Level.DEBUG : Level.TRACE;
    }

    static int toFfmpeg(Level level) {
        return switch (level) {
            case OFF -> QUIET;
            case ERROR -> AV_LOG_ERROR;
            case WARNING -> AV_LOG_WARNING;
            case INFO -> AV_LOG_INFO;
            case DEBUG -> AV_LOG_VERBOSE;
            case TRACE, ALL -> AV_LOG_DEBUG;
        };
    }

    private static final class Callback extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            FfmpegLog log = current;
            if (log != null) {
                log.publish(level, message.getString());
            }
        }
    }
}
