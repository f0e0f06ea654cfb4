package io.fleetcast.observer.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.Encoder;
import io.fleetcast.media.codec.VideoEncoderSettings;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.quality.QualityState;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The robot's H.264 encoder, following the quality controller. A new bitrate is applied to
 * the open encoder between two pictures (libx264 reconfigures its rate control; nothing is
 * reopened or reconnected); a new state (size and frame rate) opens a new encoder whose
 * first picture is a keyframe, and the muxer is handed its new parameter sets. Timestamps
 * are milliseconds, continuous across encoders. Used by one thread.
 */
public final class LiveEncoder implements AutoCloseable {
    private static final Logger LOG = System.getLogger(LiveEncoder.class.getName());
    private static final Rational MILLIS = new Rational(1, 1000);

    private final String codec;
    private final Map<String, String> options;
    private final boolean globalHeader;
    private final double gopSeconds;
    private final double bufferSeconds;
    private Encoder encoder;
    private QualityState state;
    private long bitrate;
    private long generation;
    private long lastKeyMillis;
    private boolean keyframeWanted;
    private long reconfigurations;

    /**
     * @param globalHeader parameter sets out of band (FLV/RTMP) instead of before every keyframe (MPEG-TS/SRT)
     * @param bufferSeconds rate-control buffer (VBV) in seconds of the bitrate: small keeps each
     *                      second close to the target, which a congested uplink needs
     */
    public LiveEncoder(String codec, Map<String, String> options, boolean globalHeader, double gopSeconds,
                       double bufferSeconds) {
        if (gopSeconds <= 0 || bufferSeconds <= 0) {
            throw new IllegalArgumentException("GOP and buffer must be positive, got " + gopSeconds + " s, "
                    + bufferSeconds + " s");
        }
        this.codec = codec;
        this.options = Map.copyOf(options);
        this.globalHeader = globalHeader;
        this.gopSeconds = gopSeconds;
        this.bufferSeconds = bufferSeconds;
    }

    /** Applies a decision: live bitrate change, or a new encoder for a new state. */
    public void configure(QualityState nextState, long nextBitrate) {
        if (encoder == null || nextState != state) {
            reopen(nextState, nextBitrate);
        } else if (nextBitrate != bitrate) {
            var context = encoder.av();
            context.bit_rate(nextBitrate);
            context.rc_max_rate(nextBitrate);
            context.rc_buffer_size((int) (nextBitrate * bufferSeconds));
            bitrate = nextBitrate;
            reconfigurations++;
        }
    }

    /** The next picture will be a keyframe (after a reconnect or dropped pictures). */
    public void requestKeyframe() {
        keyframeWanted = true;
    }

    /**
     * Encodes {@code picture} (yuv420p at the state's size) at {@code millis}; every packet
     * that comes out goes to {@code sink}, which takes ownership.
     */
    public void encode(Frame picture, long millis, Consumer<Packet> sink) {
        if (encoder == null) {
            throw new IllegalStateException("configure the encoder before encoding");
        }
        boolean key = keyframeWanted || millis - lastKeyMillis >= gopSeconds * 1000;
        picture.av().pts(millis);
        picture.av().pict_type(key ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        if (key) {
            keyframeWanted = false;
            lastKeyMillis = millis;
        }
        encoder.send(picture);
        try (Packet packet = new Packet()) {
            while (encoder.receive(packet) == Pull.FRAME) {
                sink.accept(packet.moveOut());
            }
        }
    }

    /** The open encoder's H.264 parameter sets (avcC), or empty without a global header. */
    public byte[] extradata() {
        var context = encoder.av();
        byte[] bytes = new byte[Math.max(0, context.extradata_size())];
        if (bytes.length > 0) {
            context.extradata().get(bytes);
        }
        return bytes;
    }

    /** Changes each time a new encoder opens: the muxer then needs {@link #extradata()} again. */
    public long generation() {
        return generation;
    }

    public Encoder encoder() {
        return encoder;
    }

    public QualityState state() {
        return state;
    }

    public long bitrate() {
        return bitrate;
    }

    /** Live bitrate changes applied without reopening. */
    public long reconfigurations() {
        return reconfigurations;
    }

    private void reopen(QualityState nextState, long nextBitrate) {
        Encoder next = Encoder.video(new VideoEncoderSettings(codec, nextState.width(), nextState.height(),
                AV_PIX_FMT_YUV420P, MILLIS, new Rational(nextState.fps(), 1), nextBitrate, nextBitrate,
                (long) (nextBitrate * bufferSeconds), (int) Math.round(gopSeconds * nextState.fps()), 0,
                globalHeader, options), null);
        if (!next.unusedOptions().isEmpty()) {
            LOG.log(Level.WARNING, "{0} ignored options {1}", codec, next.unusedOptions());
        }
        close();
        encoder = next;
        LOG.log(Level.INFO, "encoder {0} at {1} {2} kbit/s{3}", codec, nextState.label(), nextBitrate / 1000,
                state == null ? "" : " (was " + state.label() + ")");
        state = nextState;
        bitrate = nextBitrate;
        generation++;
        keyframeWanted = true;
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
