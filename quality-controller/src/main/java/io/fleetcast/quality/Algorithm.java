package io.fleetcast.quality;

/**
 * A quality-control algorithm as a pure function: {@code (memory, sample, limits) -> step}.
 * The memory is an immutable value owned by the caller, so the same inputs always give the
 * same decisions and one algorithm instance can drive any number of streams.
 *
 * @param <M> the algorithm's memory between samples
 */
public interface Algorithm<M> {

    /** Short name used in reports ("fleetcast", "vvlive", "belacoder"). */
    String name();

    /** Memory and first decision before any measurement exists. */
    Step<M> start(long timeMs, Limits limits);

    /** Memory and decision after {@code sample}. */
    Step<M> step(M memory, Sample sample, Limits limits);
}
