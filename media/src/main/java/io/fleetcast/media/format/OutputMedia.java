package io.fleetcast.media.format;

import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Options;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;

/** Owns one muxer writing to a file or URL (remux.c's output half). */
public final class OutputMedia implements AutoCloseable {
    private AVFormatContext context;
    private final String name;
    private final Interrupts.Registration interrupt;
    private boolean headerWritten;
    private boolean trailerWritten;

    public OutputMedia(String format, String url) {
        this(format, url, Map.of());
    }

    /** @param ioOptions protocol options for opening the URL (listen, timeouts ...) */
    public OutputMedia(String format, String url, Map<String, String> ioOptions) {
        this(format, url, ioOptions, null);
    }

    /**
     * @param interrupted polled by every blocking network call of this muxer (the open, each
     *                    write, the trailer); when it turns true the call returns with
     *                    AVERROR_EXIT. Null for none (files).
     */
    public OutputMedia(String format, String url, Map<String, String> ioOptions, BooleanSupplier interrupted) {
        this.name = MediaUrl.redact(url);
        AVFormatContext created = new AVFormatContext(null);
        AvCall.check("avformat_alloc_output_context2", format + " " + name,
                avformat_alloc_output_context2(created, null, format, url));
        context = created;
        this.interrupt = interrupted == null ? null : Interrupts.register(context.interrupt_callback(), interrupted);
        if ((context.oformat().flags() & AVFMT_NOFILE) == 0) {
            AVIOContext io = new AVIOContext(null);
            int code;
            try (Options options = new Options(ioOptions)) {
                code = avio_open2(io, url, AVIO_FLAG_WRITE, interrupt == null ? null : context.interrupt_callback(),
                        options.av());
            }
            if (code < 0) {
                close();
                throw new MediaException("cannot open output " + name + ": " + AvCall.errorText(code), code);
            }
            context.pb(io);
        }
    }

    /** Adds a stream with the codec parameters of an encoder (or an input stream). */
    public AVStream addStream(AVCodecParameters parameters, Rational timeBase) {
        AVStream stream = AvCall.allocated("avformat_new_stream", avformat_new_stream(av(), null));
        AvCall.check("avcodec_parameters_copy", name, avcodec_parameters_copy(stream.codecpar(), parameters));
        stream.codecpar().codec_tag(0);
        stream.time_base(timeBase.av());
        return stream;
    }

    /** Adds a stream carrying what {@code encoder} produces. */
    public AVStream addStream(io.fleetcast.media.codec.Encoder encoder) {
        AVStream stream = AvCall.allocated("avformat_new_stream", avformat_new_stream(av(), null));
        encoder.copyParametersTo(stream.codecpar());
        stream.time_base(encoder.av().time_base());
        return stream;
    }

    /** Writes the header; returns the options the muxer did not use. */
    public Map<String, String> begin(Map<String, String> options) {
        try (Options dictionary = new Options(options)) {
            AvCall.check("avformat_write_header", name, avformat_write_header(av(), dictionary.av()));
            headerWritten = true;
            return dictionary.remaining();
        }
    }

    /** The time base the muxer chose for stream {@code index} (valid after {@link #begin}). */
    public Rational timeBase(int index) {
        return Rational.of(av().streams(index).time_base());
    }

    /** Writes a packet (timestamps in the stream's time base); the packet is left empty. */
    public void write(Packet packet) {
        AvCall.check("av_interleaved_write_frame", name, av_interleaved_write_frame(av(), packet.av()));
    }

    /**
     * Ends the current file and continues the same stream in a new one (segmenting, as
     * FFmpeg's HLS muxer does): buffered packets are flushed into the old file, which is
     * complete when this returns. Keeping one muxer keeps timestamps and MPEG-TS continuity
     * counters continuous across files. {@code privateOptions} are set on the muxer first
     * (e.g. mpegts_flags=+resend_headers so the new file starts with its own PAT/PMT).
     */
    public void continueInto(String url, Map<String, String> privateOptions) {
        AVFormatContext muxer = av();
        AvCall.check("av_interleaved_write_frame(flush)", name, av_interleaved_write_frame(muxer, null));
        AvCall.check("av_write_frame(flush)", name, av_write_frame(muxer, null));
        avio_closep(muxer.pb());
        muxer.pb(null);
        AVIOContext io = new AVIOContext(null);
        int code = avio_open2(io, url, AVIO_FLAG_WRITE, null, null);
        if (code < 0) {
            throw new MediaException("cannot open output " + MediaUrl.redact(url) + ": " + AvCall.errorText(code), code);
        }
        muxer.pb(io);
        privateOptions.forEach((key, value) -> AvCall.check("av_opt_set", key,
                av_opt_set(muxer.priv_data(), key, value, 0)));
    }

    /** Writes out what the interleaving queue holds (the end of a run on a live connection). */
    public void flush() {
        AvCall.check("av_interleaved_write_frame(flush)", name, av_interleaved_write_frame(av(), null));
    }

    /** Writes the trailer; close() does it too when it was not done. */
    public void finish() {
        if (headerWritten && !trailerWritten) {
            trailerWritten = true;
            AvCall.check("av_write_trailer", name, av_write_trailer(av()));
        }
    }

    public AVFormatContext av() {
        if (context == null) {
            throw new IllegalStateException("output " + name + " already closed");
        }
        return context;
    }

    @Override
    public void close() {
        if (context == null) {
            return;
        }
        try {
            finish();
        } finally {
            if ((context.oformat().flags() & AVFMT_NOFILE) == 0 && context.pb() != null && !context.pb().isNull()) {
                avio_closep(context.pb());
                context.pb(null);
            }
            avformat_free_context(context);
            context = null;
            if (interrupt != null) {
                interrupt.close();
            }
        }
    }
}
