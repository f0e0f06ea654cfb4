package io.fleetcast.bridge.restream;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_NEW_EXTRADATA;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_new_side_data;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import io.fleetcast.bridge.broadcast.StreamDescription;
import io.fleetcast.media.AvCall;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.format.OutputMedia;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.javacpp.BytePointer;

/**
 * One connection to a destination: an FLV muxer publishing over RTMP(S) with stream 0 the
 * video and stream 1 the audio, timestamps in FLV's milliseconds. Every blocking call runs
 * under a {@link Deadline}. Errors are {@link MediaException}s whose message never holds the
 * stream key (FFmpeg's wrappers name the URL they opened, so messages are scrubbed here).
 */
final class FlvSession implements AutoCloseable {
    static final int VIDEO = 0;
    static final int AUDIO = 1;
    private static final Logger LOG = System.getLogger(FlvSession.class.getName());
    /** A network stream cannot seek back to patch duration and size into the header. */
    private static final Map<String, String> MUXER_OPTIONS = Map.of("flvflags", "no_duration_filesize");
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final RestreamSettings settings;
    private final Deadline deadline;
    private final OutputMedia media;
    private final int width;
    private final int height;
    private final int sampleRate;
    private byte[] parameterSets;

    private FlvSession(RestreamSettings settings, Deadline deadline, OutputMedia media, StreamDescription video,
                       StreamDescription audio, byte[] parameterSets) {
        this.settings = settings;
        this.deadline = deadline;
        this.media = media;
        this.width = video.parameters().av().width();
        this.height = video.parameters().av().height();
        this.sampleRate = audio.parameters().av().sample_rate();
        this.parameterSets = parameterSets;
    }

    /**
     * Connects, publishes and writes the FLV header with the sequence headers.
     * @param parameterSets Annex B SPS/PPS from the keyframe the session starts with (used when
     *                      the encoder's parameters carry no extradata)
     */
    static FlvSession open(RestreamSettings settings, StreamDescription video, StreamDescription audio,
                           byte[] parameterSets, BooleanSupplier closing) {
        Deadline deadline = new Deadline(closing, settings.connectTimeout());
        OutputMedia media = null;
        try {
            media = new OutputMedia("flv", settings.target(), ioOptions(settings), deadline);
            media.addStream(video.parameters().av(), video.timeBase());
            AVCodecParameters videoParameters = media.av().streams(VIDEO).codecpar();
            if (videoParameters.extradata_size() == 0) {
                setExtradata(videoParameters, parameterSets);
            }
            media.addStream(audio.parameters().av(), audio.timeBase());
            AVCodecParameters audioParameters = media.av().streams(AUDIO).codecpar();
            if (audioParameters.extradata_size() == 0) {
                setExtradata(audioParameters, AudioSpecificConfig.aacLc(audioParameters.sample_rate(),
                        audioParameters.ch_layout().nb_channels()));
            }
            media.begin(MUXER_OPTIONS);
            return new FlvSession(settings, deadline, media, video, audio, parameterSets);
        } catch (MediaException e) {
            MediaException scrubbed = scrubbed(settings, deadline, e, "connect", settings.connectTimeout());
            closeQuietly(settings, deadline, media, CLOSE_GRACE);
            throw scrubbed;
        } catch (RuntimeException e) {
            closeQuietly(settings, deadline, media, CLOSE_GRACE);
            throw e;
        }
    }

    /** True when a new run's streams can go on over this connection (same picture size and sound). */
    boolean carries(StreamDescription video, StreamDescription audio) {
        return video.parameters().av().width() == width && video.parameters().av().height() == height
                && audio.parameters().av().sample_rate() == sampleRate;
    }

    /**
     * Writes one packet (a new reference to the caller's) at {@code stamp}. A video keyframe
     * whose parameter sets differ from the last ones sent carries them as new extradata, so the
     * muxer sends a new sequence header.
     */
    void write(int stream, Packet packet, SessionTimeline.Stamp stamp, long durationMillis, byte[] keyframeSets) {
        try (Packet copy = packet.newReference()) {
            var av = copy.av();
            av.stream_index(stream);
            av.dts(stamp.dts());
            av.pts(stamp.pts());
            av.duration(durationMillis);
            av.pos(-1);
            if (keyframeSets != null && keyframeSets.length > 0 && !Arrays.equals(keyframeSets, parameterSets)) {
                BytePointer side = av_packet_new_side_data(av, AV_PKT_DATA_NEW_EXTRADATA, keyframeSets.length);
                if (side == null || side.isNull()) {
                    throw new MediaException("av_packet_new_side_data(new extradata) returned no memory");
                }
                side.put(keyframeSets);
                parameterSets = keyframeSets;
            }
            deadline.arm(settings.ioTimeout());
            media.write(copy);
        } catch (MediaException e) {
            throw scrubbed(settings, deadline, e, "write", settings.ioTimeout());
        }
    }

    /** Sends what the muxer still holds for interleaving (the end of a run). */
    void flush() {
        try {
            deadline.arm(settings.ioTimeout());
            media.flush();
        } catch (MediaException e) {
            throw scrubbed(settings, deadline, e, "flush", settings.ioTimeout());
        }
    }

    @Override
    public void close() {
        closeQuietly(settings, deadline, media, CLOSE_GRACE);
    }

    /**
     * Closes a connection that failed (a write timed out, the peer went away) without the
     * trailer's grace: a peer that stopped reading would hold the caller that long again.
     */
    public void abandon() {
        closeQuietly(settings, deadline, media, Duration.ZERO);
    }

    private static Map<String, String> ioOptions(RestreamSettings settings) {
        Map<String, String> options = new HashMap<>();
        if (settings.tls() && settings.tlsCaFile() != null) {
            options.put("tls_verify", "1");
            options.put("ca_file", settings.tlsCaFile());
        }
        return options;
    }

    private static void setExtradata(AVCodecParameters parameters, byte[] bytes) {
        if (parameters.extradata() != null && !parameters.extradata().isNull()) {
            av_free(parameters.extradata());
        }
        parameters.extradata(null);
        parameters.extradata_size(0);
        if (bytes.length == 0) {
            return;
        }
        var memory = av_mallocz(bytes.length + AV_INPUT_BUFFER_PADDING_SIZE);
        if (memory == null || memory.isNull()) {
            throw new MediaException("av_mallocz(extradata) returned no memory");
        }
        BytePointer data = new BytePointer(memory);
        data.put(bytes);
        parameters.extradata(data);
        parameters.extradata_size(bytes.length);
    }

    /** The trailer and the RTMP goodbye get {@code grace}; a broken connection fails them at once. */
    private static void closeQuietly(RestreamSettings settings, Deadline deadline, OutputMedia media, Duration grace) {
        if (media == null) {
            return;
        }
        deadline.arm(grace);
        try {
            media.close();
        } catch (MediaException e) {
            // The connection is being dropped anyway; its last words only matter when debugging.
            LOG.log(Level.DEBUG, "closing {0}: {1}", settings, settings.scrub(e.getMessage()));
        }
    }

    private static MediaException scrubbed(RestreamSettings settings, Deadline deadline, MediaException e,
                                           String step, Duration allowed) {
        String message;
        if (deadline.expired()) {
            message = step + " timed out after " + allowed.toMillis() + " ms";
        } else if (e.code() < 0) {
            // FFmpeg's own text for the code; the wrapper's message names the URL, key included.
            message = step + " failed: " + AvCall.errorText(e.code());
        } else {
            message = step + " failed: " + settings.scrub(e.getMessage());
        }
        return new MediaException(message, e.code());
    }
}
