package io.fleetcast.observer.control;

import io.fleetcast.quality.Limits;

/** Where the owner's quality choice goes: the encoder's controller. */
public interface QualityOverride {
    /** {@link Limits#NONE} hands the choice back to the controller. */
    void apply(Limits limits);
}
