package io.fleetcast.bridge.ladder;

import io.fleetcast.media.Rational;

/**
 * What one rung will really encode for a given source: even picture size, the kept (or
 * capped) frame rate, and CBR-like rate control (maxrate and a VBV buffer).
 */
public record RungPlan(String name, int width, int height, Rational frameRate, long bitRate,
                       long maxRate, long bufferSize, String profile) {
    public RungPlan {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("rung " + name + " size must be even, got " + width + "x" + height);
        }
        if (bitRate <= 0 || maxRate < bitRate || bufferSize <= 0) {
            throw new IllegalArgumentException("rung " + name + " rate control is inconsistent");
        }
    }

    public String resolution() {
        return width + "x" + height;
    }
}
