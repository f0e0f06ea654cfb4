package io.fleetcast.quality;

/** Why a decision is what it is; sent to owners beside the state. */
public enum Reason {
    /** First decision, before any measurement. */
    START,
    /** Nothing worth changing. */
    STEADY,
    /** No congestion: the target probes upwards. */
    INCREASE,
    /** The queue or the throughput says the target is too high. */
    DECREASE,
    /** Data is queued but nothing is being acknowledged. */
    OUTAGE,
    /** Packet loss above what the link can hide. */
    LOSS,
    /** Moved up a state after the network held up long enough. */
    PROMOTE,
    /** Moved down a state. */
    DEMOTE,
    /** The owner's cap is what limits the state. */
    CAPPED,
    /** The owner pinned the state. */
    PINNED
}
