package io.fleetcast.bridge.restream;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;

import io.fleetcast.bridge.broadcast.Output;
import io.fleetcast.bridge.broadcast.OutputHealth;
import io.fleetcast.bridge.broadcast.StreamDescription;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.log.FfmpegLog;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * One RTMP(S) destination (a YouTube primary or backup ingest): FLV with one rung's video and
 * the audio, no re-encoding. It never throws for the network: a failed attempt or a broken
 * connection is logged, and it tries again with backoff at a video keyframe; meanwhile
 * packets are discarded at once. Each connection's timestamps start at 0. It gives up only on
 * a refusal that repeats (see {@link Failure} and {@link Retry}).
 *
 * <p>Calls come from one thread and may block on the network for the configured timeouts.
 * {@link #close()} may come from another: it interrupts a blocked call first.
 */
public final class RestreamOutput implements Output {
    private static final Logger LOG = System.getLogger(RestreamOutput.class.getName());

    private final RestreamSettings settings;
    private final FfmpegLog ffmpegLog;
    private final Retry.Policy policy;
    private final RandomGenerator random;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ReentrantLock nativeOwner = new ReentrantLock();
    private final RungChoice rungChoice;
    private StreamDescription video;
    private StreamDescription audio;
    private boolean awaitingRunKeyframe;
    private FlvSession session;
    private SessionTimeline timeline;
    private long liveSince;
    private long retryAt = System.nanoTime();
    private Retry retry = Retry.FRESH;
    private boolean everLive;
    private int failuresSinceLive;
    private volatile RestreamState state = RestreamState.CONNECTING;
    private volatile long reconnects;
    private volatile long packetsSent;
    private volatile long bytesSent;
    private volatile long dropped;
    private volatile String lastError;

    /** @param ffmpegLog the process's FFmpeg log (nullable): it learns the key to hide, and explains refusals */
    public RestreamOutput(RestreamSettings settings, FfmpegLog ffmpegLog) {
        this(settings, ffmpegLog, Retry.Policy.of(settings.backoff()), RandomGenerator.getDefault());
    }

    RestreamOutput(RestreamSettings settings, FfmpegLog ffmpegLog, Retry.Policy policy, RandomGenerator random) {
        this.settings = settings;
        this.ffmpegLog = ffmpegLog;
        this.policy = policy;
        this.random = random;
        this.rungChoice = new RungChoice(settings.rung(), toString());
        if (ffmpegLog != null) {
            ffmpegLog.redact(settings.key());
        }
    }

    public RestreamStatus status() {
        return new RestreamStatus(settings.name(), settings.redacted(), state, state == RestreamState.LIVE,
                reconnects, packetsSent, bytesSent, dropped, lastError);
    }

    @Override
    public Duration pace() {
        return settings.pace();
    }

    @Override
    public String part() {
        return "restream";
    }

    @Override
    public OutputHealth health() {
        String error = lastError;
        return new OutputHealth(state.name().toLowerCase(java.util.Locale.ROOT), reconnects, error == null ? "" : error);
    }

    /** The chosen rung and the sound. */
    @Override
    public List<StreamDescription> takes(List<StreamDescription> streams) {
        return List.of(rungChoice.pick(streams), RungChoice.sound(streams));
    }

    @Override
    public void begin(List<StreamDescription> streams, boolean discontinuity) {
        StreamDescription sound = RungChoice.sound(streams);
        StreamDescription picture = rungChoice.pick(streams);
        nativeOwner.lock();
        try {
            if (session != null && !session.carries(picture, sound)) {
                LOG.log(Level.INFO, "{0}: the picture or sound changed, reconnecting", this);
                dropSession();
                setWaiting();
            }
            video = picture;
            audio = sound;
            awaitingRunKeyframe = true;
        } finally {
            nativeOwner.unlock();
        }
    }

    @Override
    public void write(StreamDescription stream, Packet packet) {
        if (video == null || closing.get() || state == RestreamState.FAILED) {
            return;
        }
        boolean isVideo = stream.index() == video.index();
        if (!isVideo && stream.index() != audio.index()) {
            return;
        }
        boolean keyframe = isVideo && (packet.av().flags() & AV_PKT_FLAG_KEY) != 0;
        nativeOwner.lock();
        try {
            if (session == null && !(keyframe && System.nanoTime() - retryAt >= 0 && connect(packet))) {
                dropped++;
                return;
            }
            if (awaitingRunKeyframe) {
                if (!keyframe) {
                    dropped++;
                    return;
                }
                timeline.startRun(micros(packet.av().dts(), stream.timeBase()));
                awaitingRunKeyframe = false;
            }
            send(stream, packet, isVideo ? FlvSession.VIDEO : FlvSession.AUDIO, keyframe);
        } finally {
            nativeOwner.unlock();
        }
    }

    @Override
    public void end() {
        nativeOwner.lock();
        try {
            if (session != null) {
                try {
                    session.flush();
                } catch (MediaException e) {
                    lost(e);
                }
            }
            // The streams' parameters are freed once end() returns.
            video = null;
            audio = null;
        } finally {
            nativeOwner.unlock();
        }
    }

    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        nativeOwner.lock();
        try {
            dropSession();
        } finally {
            nativeOwner.unlock();
        }
    }

    @Override
    public String toString() {
        return "restream " + settings;
    }

    /** Opens a connection at {@code keyframe}; false (and a scheduled retry) when it fails. */
    private boolean connect(Packet keyframe) {
        state = RestreamState.CONNECTING;
        byte[] sets = ParameterSets.of(payload(keyframe));
        List<String> ffmpegLines = new ArrayList<>();
        try {
            Runnable open = () -> session = FlvSession.open(settings, video, audio, sets, closing::get);
            if (ffmpegLog != null) {
                ffmpegLog.captureInto(ffmpegLines, open);
            } else {
                open.run();
            }
        } catch (MediaException e) {
            if (!closing.get()) {
                String detail = Failure.detail(ffmpegLines);
                failed(new Failure(Failure.ofOpen(e.code(), ffmpegLines, settings.tls()),
                        settings.scrub(e.getMessage() + (detail.isEmpty() ? "" : " (" + detail + ")"))), Duration.ZERO);
            }
            return false;
        }
        timeline = new SessionTimeline(2);
        timeline.startRun(micros(keyframe.av().dts(), video.timeBase()));
        awaitingRunKeyframe = false;
        liveSince = System.nanoTime();
        if (everLive) {
            reconnects++;
        }
        LOG.log(Level.INFO, "{0}: live ({1} {2}x{3}{4})", this, video.rung().name(),
                video.parameters().av().width(), video.parameters().av().height(),
                everLive ? ", reconnected after " + failuresSinceLive + " failure(s)" : "");
        everLive = true;
        failuresSinceLive = 0;
        retry = new Retry(retry.attempt(), 0, Duration.ZERO, false);
        state = RestreamState.LIVE;
        return true;
    }

    private void send(StreamDescription stream, Packet packet, int index, boolean keyframe) {
        var av = packet.av();
        long dts = micros(av.dts(), stream.timeBase());
        long pts = av.pts() == org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE ? dts : micros(av.pts(), stream.timeBase());
        long duration = micros(av.duration(), stream.timeBase());
        SessionTimeline.Stamp stamp = timeline.map(index, dts, pts, duration);
        if (stamp == SessionTimeline.DROP) {
            dropped++;
            return;
        }
        try {
            session.write(index, packet, stamp, Math.round(duration / 1000.0),
                    keyframe ? ParameterSets.of(payload(packet)) : null);
            packetsSent++;
            bytesSent += av.size();
        } catch (MediaException e) {
            lost(e);
        }
    }

    /** A live connection broke: always worth another try. */
    private void lost(MediaException e) {
        Duration liveFor = Duration.ofNanos(System.nanoTime() - liveSince);
        if (session != null) {
            FlvSession broken = session;
            session = null;
            broken.abandon();
        }
        if (!closing.get()) {
            failed(new Failure(Failure.Kind.TRANSIENT, String.format(java.util.Locale.ROOT,
                    "connection lost after %.1f s: %s", liveFor.toMillis() / 1000.0, settings.scrub(e.getMessage()))),
                    liveFor);
        }
    }

    private void failed(Failure failure, Duration liveFor) {
        retry = policy.next(retry, failure.kind(), liveFor, random);
        lastError = failure.message();
        failuresSinceLive++;
        if (retry.giveUp()) {
            state = RestreamState.FAILED;
            LOG.log(Level.ERROR, "{0}: giving up, {1} {2} times in a row: {3}. Check the {4} destination''s"
                    + " URL and stream key (or its TLS setup); nothing more is sent to it until the bridge restarts",
                    this, failure.kind() == Failure.Kind.TLS_REFUSED ? "TLS refused" : "publish refused by the server",
                    retry.refusals(), failure.message(), settings.name());
            return;
        }
        state = RestreamState.BACKOFF;
        retryAt = System.nanoTime() + retry.delay().toNanos();
        LOG.log(Level.WARNING, "{0}: {1}{2}; next try in {3} ms, at a keyframe", this, failure.message(),
                failure.permanent() ? " (refusal " + retry.refusals() + " of " + policy.refusalsToGiveUp() + ")" : "",
                retry.delay().toMillis());
    }

    private void setWaiting() {
        if (state != RestreamState.FAILED) {
            state = RestreamState.CONNECTING;
        }
    }

    private void dropSession() {
        if (session != null) {
            FlvSession closed = session;
            session = null;
            closed.close();
        }
    }

    private static java.nio.ByteBuffer payload(Packet packet) {
        var av = packet.av();
        return av.data().capacity(av.size()).asByteBuffer();
    }

    private static long micros(long ticks, Rational timeBase) {
        return SessionTimeline.micros(ticks, timeBase.num(), timeBase.den());
    }
}
