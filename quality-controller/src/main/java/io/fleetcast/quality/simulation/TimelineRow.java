package io.fleetcast.quality.simulation;

import io.fleetcast.quality.QualityState;

import java.util.Locale;

/** One second of a simulation, for plotting what the controller did. */
public record TimelineRow(long second, double capacityKbps, QualityState state, double targetKbps,
                          double ackedKbps, long maxDelayMs, long queueBytes, long droppedBytes) {

    public static final String CSV_HEADER =
            "second,capacity_kbps,state,target_kbps,acked_kbps,max_delay_ms,queue_bytes,dropped_bytes";

    public String toCsv() {
        return String.format(Locale.ROOT, "%d,%.0f,%s,%.0f,%.0f,%d,%d,%d",
                second, capacityKbps, state, targetKbps, ackedKbps, maxDelayMs, queueBytes, droppedBytes);
    }
}
