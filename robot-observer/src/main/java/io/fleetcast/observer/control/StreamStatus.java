package io.fleetcast.observer.control;

import java.util.Optional;

/** The video pipeline's view of the uplink, read once per metrics interval. */
public interface StreamStatus {
    /** Empty while nothing has been measured yet (no metrics frame is sent then). */
    Optional<StreamMetrics> metrics();
}
