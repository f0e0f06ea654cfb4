package io.fleetcast.control.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code fleetcast_auth_decisions_total{action, result}}, registered up front so the hot path is
 * an array index, and dashboards see every series from the start.
 */
final class DecisionCounters {
    private static final String INVALID = "invalid";

    private final Counter[][] counters = new Counter[AuthAction.values().length + 1][Outcome.values().length];

    DecisionCounters(MeterRegistry registry) {
        for (int a = 0; a <= AuthAction.values().length; a++) {
            String action = a < AuthAction.values().length ? AuthAction.values()[a].wire() : INVALID;
            for (Outcome outcome : Outcome.values()) {
                counters[a][outcome.ordinal()] = Counter.builder("fleetcast_auth_decisions")
                        .description("MediaMTX auth decisions").tag("action", action).tag("result", outcome.label())
                        .register(registry);
            }
        }
    }

    void count(AuthAction action, Outcome outcome) {
        counters[action.ordinal()][outcome.ordinal()].increment();
    }

    void countMalformed() {
        counters[AuthAction.values().length][Outcome.MALFORMED.ordinal()].increment();
    }
}
