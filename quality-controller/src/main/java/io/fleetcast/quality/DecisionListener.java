package io.fleetcast.quality;

/** Told when the decision changes; {@code previous} is what was in force before. */
@FunctionalInterface
public interface DecisionListener {
    void onDecision(Decision previous, Decision current);
}
