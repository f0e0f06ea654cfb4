package io.fleetcast.observer.stream;

import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityController;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.adaptive.AdaptiveAlgorithm;
import io.fleetcast.quality.adaptive.AdaptiveTuning;

/**
 * The quality controller a robot starts with. It starts at 720p and 1 Mbit/s, not at the
 * controller's default 1080p and 2.5 Mbit/s: the uplink is unknown until measured, and on a
 * slow link a second of too many bits is a second of late pictures; on a fast one the
 * controller is at 4.5 Mbit/s within a few seconds.
 */
public final class LiveController {
    public static final QualityState START_STATE = QualityState.MEDIUM;
    public static final long START_BPS = 1_000_000;

    private LiveController() {
    }

    public static QualityController create(Limits limits) {
        return new QualityController(algorithm(), 0, limits);
    }

    /** The algorithm with the robot's start (the uplink benchmark runs the simulator with it too). */
    public static AdaptiveAlgorithm algorithm() {
        return new AdaptiveAlgorithm(AdaptiveTuning.defaults().withStart(START_STATE, START_BPS));
    }
}
