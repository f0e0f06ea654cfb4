package io.fleetcast.quality.baseline;

import io.fleetcast.quality.Decision;

/** belacoder's static variables of {@code update_bitrate()}, as a value. */
record BelacoderMemory(Decision decision, long lastTimeMs, double bitrateBps,
                       double bsAvg, double bsJitter, double prevBs,
                       double rttAvg, double rttAvgDelta, double prevRtt, double rttMin, double rttJitter,
                       long nextIncreaseMs, long nextDecreaseMs) {
}
