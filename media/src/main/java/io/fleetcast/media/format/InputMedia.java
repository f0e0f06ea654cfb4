package io.fleetcast.media.format;

import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Options;
import io.fleetcast.media.Packet;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * Owns one opened demuxer (a file or a network URL). Every blocking FFmpeg call on it
 * returns when {@code interrupted} turns true, so closing a pipeline never waits for a
 * network timeout. Errors name the input with its secrets removed.
 */
public final class InputMedia implements AutoCloseable {
    private AVFormatContext context;
    private final String name;
    private final Interrupts.Registration interrupt;
    private final Map<String, String> unused;

    public InputMedia(String url, Map<String, String> options, BooleanSupplier interrupted) {
        this(url, null, options, interrupted);
    }

    /** @param format the demuxer to use ("v4l2" for a capture device), null to detect it from the input */
    public InputMedia(String url, String format, Map<String, String> options, BooleanSupplier interrupted) {
        this.name = MediaUrl.redact(url);
        AVInputFormat demuxer = null;
        if (format != null) {
            demuxer = av_find_input_format(format);
            if (demuxer == null || demuxer.isNull()) {
                throw new MediaException("input format " + format + " is not in this FFmpeg build"
                        + " (capture devices need CaptureDevices.register() first)");
            }
        }
        context = AvCall.allocated("avformat_alloc_context", avformat_alloc_context());
        this.interrupt = Interrupts.register(context.interrupt_callback(), interrupted);
        try (Options dictionary = new Options(options)) {
            int code = avformat_open_input(context, url, demuxer, dictionary.av());
            if (code < 0) {
                // avformat_open_input frees the context on failure.
                context = null;
                throw new MediaException("cannot open input " + name + ": " + AvCall.errorText(code), code);
            }
            unused = Map.copyOf(dictionary.remaining());
            AvCall.check("avformat_find_stream_info", name,
                    avformat_find_stream_info(context, (AVDictionary) null));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The input URL without user, password or query (safe to log). */
    public String name() {
        return name;
    }

    public Map<String, String> unusedOptions() {
        return unused;
    }

    public AVFormatContext av() {
        if (context == null) {
            throw new IllegalStateException("input " + name + " already closed");
        }
        return context;
    }

    /** Index of the best stream of {@code mediaType} (AVMEDIA_TYPE_*), or -1 when there is none. */
    public int bestStream(int mediaType) {
        int index = av_find_best_stream(av(), mediaType, -1, -1, (org.bytedeco.ffmpeg.avcodec.AVCodec) null, 0);
        return index < 0 ? -1 : index;
    }

    public AVStream stream(int index) {
        return av().streams(index);
    }

    /** Reads the next packet; false at the end of the input. Failures throw naming the input. */
    public boolean read(Packet into) {
        int code = av_read_frame(av(), into.av());
        if (code == AvCall.EOF) {
            return false;
        }
        if (code < 0) {
            throw new MediaException("reading input " + name + " failed: " + AvCall.errorText(code), code);
        }
        return true;
    }

    @Override
    public void close() {
        if (context != null) {
            avformat_close_input(context);
            context = null;
        }
        interrupt.close();
    }
}
