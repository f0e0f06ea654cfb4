package io.fleetcast.quality;

/** One application of an {@link Algorithm}: the memory to keep and the decision to act on. */
public record Step<M>(M memory, Decision decision) {
}
