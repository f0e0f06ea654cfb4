package io.fleetcast.quality.simulation;

import io.fleetcast.quality.QualityState;

import java.util.SplittableRandom;

/**
 * Frames at the state's frame rate, sized so that a GOP averages the bitrate target:
 * keyframes are {@code keyframeFactor} times a predicted frame, every frame varies by
 * {@code frameJitter}. A new state (new resolution) or a drop starts a new GOP. Like an
 * encoder's rate control, bytes spent above the target (a forced keyframe) are paid back
 * over the next second, so the output averages the target whatever the keyframes.
 */
final class Encoder {

    private final LinkModel model;
    private final SplittableRandom random;
    private QualityState state;
    private long bitrateBps;
    private double nextFrameMs;
    private double nextKeyframeMs;
    private boolean keyframeRequested = true;
    private double excessBytes;

    Encoder(LinkModel model, QualityState state, long bitrateBps) {
        this.model = model;
        this.random = new SplittableRandom(model.seed());
        this.state = state;
        this.bitrateBps = bitrateBps;
    }

    void configure(QualityState state, long bitrateBps) {
        if (state != this.state) {
            keyframeRequested = true;
        }
        this.state = state;
        this.bitrateBps = bitrateBps;
    }

    void requestKeyframe() {
        keyframeRequested = true;
    }

    /** The frame captured at {@code nowMs}, or null when none is due. */
    Frame poll(long nowMs) {
        if (nowMs < nextFrameMs) {
            return null;
        }
        nextFrameMs += 1000.0 / state.fps();
        boolean scheduled = nowMs >= nextKeyframeMs;
        boolean key = keyframeRequested || scheduled;
        if (key) {
            keyframeRequested = false;
            nextKeyframeMs = nowMs + model.keyframeIntervalMs();
        }
        double framesPerGop = state.fps() * model.keyframeIntervalMs() / 1000.0;
        double gopBytes = bitrateBps / 8.0 * model.keyframeIntervalMs() / 1000.0;
        double predicted = gopBytes / (framesPerGop - 1 + model.keyframeFactor());
        double nominal = key ? predicted * model.keyframeFactor() : predicted;
        // The GOP plan budgets one keyframe per interval; a forced one was planned as a
        // predicted frame, and what it costs above that is paid back by the next frames.
        double planned = scheduled ? nominal : predicted;
        double jitter = 1 + model.frameJitter() * (2 * random.nextDouble() - 1);
        double size = Math.max(predicted * 0.1, nominal * jitter - excessBytes / state.fps());
        excessBytes = Math.max(0, excessBytes + size - planned);
        return new Frame(nowMs, (int) Math.max(1, Math.round(size)), key);
    }
}
