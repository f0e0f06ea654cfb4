package io.fleetcast.observer.stream;

import io.fleetcast.observer.control.StreamMetrics;
import io.fleetcast.observer.control.StreamStatus;
import io.fleetcast.observer.uplink.UplinkSample;
import io.fleetcast.quality.Decision;
import io.fleetcast.quality.QualityController;
import java.util.Optional;

/** The stream's measurements as the control socket's {@code metrics} frame carries them. */
public final class StreamReport implements StreamStatus {
    private final RobotStream stream;
    private final QualityController controller;

    public StreamReport(RobotStream stream, QualityController controller) {
        this.stream = stream;
        this.controller = controller;
    }

    @Override
    public Optional<StreamMetrics> metrics() {
        UplinkSample uplink = stream.uplink();
        if (uplink == null) {
            return Optional.empty();
        }
        Decision decision = controller.current();
        return Optional.of(new StreamMetrics(Math.round(uplink.sample().ackedBps() / 1000), Math.round(uplink.sample().rttMs()),
                uplink.sample().lossRate() * 100, uplink.sample().queueBytes(), decision.state(),
                decision.bitrateBps() / 1000));
    }
}
