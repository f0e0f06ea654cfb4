package io.fleetcast.quality.baseline;

import io.fleetcast.quality.QualityState;

/**
 * VVLIVE's states and their encoder presets. RECOVERY encodes with VVLIVE's RECOVERY preset
 * (720p30 at 2.5 Mbit/s) and ERROR with its ERROR preset (360p at 300 kbit/s), shown here as
 * the ladder states with the same resolution.
 */
enum VvliveState {
    HIGH(QualityState.HIGH, 4_500_000),
    MEDIUM(QualityState.MEDIUM, 2_500_000),
    LOW(QualityState.LOW, 1_200_000),
    VERY_LOW(QualityState.VERY_LOW, 600_000),
    RECOVERY(QualityState.MEDIUM, 2_500_000),
    ERROR(QualityState.VERY_LOW, 300_000);

    final QualityState ladder;
    final long bitrateBps;

    VvliveState(QualityState ladder, long bitrateBps) {
        this.ladder = ladder;
        this.bitrateBps = bitrateBps;
    }
}
