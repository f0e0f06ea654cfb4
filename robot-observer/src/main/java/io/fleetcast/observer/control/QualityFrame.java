package io.fleetcast.observer.control;

import io.fleetcast.quality.Limits;

record QualityFrame(Limits limits) implements ServerFrame {
}
