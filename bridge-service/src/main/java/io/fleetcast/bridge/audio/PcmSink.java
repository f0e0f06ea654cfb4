package io.fleetcast.bridge.audio;

/** Where decoded sound goes: 48 kHz stereo float, in real time. */
public interface PcmSink {
    /** Takes {@code samples} samples of each channel; the arrays are the caller's again afterwards. */
    void write(float[] left, float[] right, int samples);
}
