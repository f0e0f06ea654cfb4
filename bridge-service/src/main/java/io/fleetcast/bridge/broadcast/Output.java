package io.fleetcast.bridge.broadcast;

import io.fleetcast.media.Packet;
import java.time.Duration;
import java.util.List;

/**
 * Where encoded streams go: the local HLS directory today; an S3 uploader or an RTMP
 * restream plug in beside it. All calls come from one thread, in this order per run:
 * {@code begin}, {@code write}..., {@code end}; runs repeat after a reconnect.
 */
public interface Output extends AutoCloseable {
    /**
     * A run of streams starts: the rungs' video streams (in ladder order) then the audio.
     * {@code discontinuity} is true when it follows a lost input (timestamps and codec
     * parameters may change).
     */
    void begin(List<StreamDescription> streams, boolean discontinuity);

    /**
     * The streams of a run that this output writes, from those {@code begin} will be given;
     * packets of the others never reach it, its queue or its pace. Called from the encoders' side.
     */
    default List<StreamDescription> takes(List<StreamDescription> streams) {
        return streams;
    }

    /** One packet of {@code stream}; the caller keeps ownership (take a reference to keep it). */
    void write(StreamDescription stream, Packet packet);

    /** The run ended; flush what is buffered. */
    void end();

    /**
     * How far behind the encoders this output wants packets, sent at the pace of their
     * timestamps (a destination that must see a steady stream); zero takes them as they come.
     */
    default Duration pace() {
        return Duration.ZERO;
    }

    /**
     * Which optional part of the bridge this output is ({@code restream}, {@code s3}), or
     * {@code hls} for the core's own: what {@code /health} groups outputs by.
     */
    default String part() {
        return "hls";
    }

    /** How it is doing, for metrics; may be called from any thread. */
    default OutputHealth health() {
        return OutputHealth.LIVE;
    }

    /** The broadcast is over (after the last {@code end}); idempotent. */
    @Override
    void close();
}
