package io.fleetcast.bridge.restream;

/**
 * The two-byte AAC-LC AudioSpecificConfig (ISO 14496-3 1.6.2.1) for an encoder that left its
 * extradata empty. FFmpeg's own AAC encoder always fills it; others need not without a global
 * header, and FLV cannot carry AAC without it.
 */
final class AudioSpecificConfig {
    private static final int AAC_LC = 2;
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
            11025, 8000, 7350};

    private AudioSpecificConfig() {
    }

    static byte[] aacLc(int sampleRate, int channels) {
        int index = -1;
        for (int i = 0; i < RATES.length; i++) {
            if (RATES[i] == sampleRate) {
                index = i;
            }
        }
        if (index < 0 || channels < 1 || channels > 7) {
            throw new IllegalArgumentException("no AAC-LC configuration for " + sampleRate + " Hz, " + channels
                    + " channels");
        }
        int bits = AAC_LC << 11 | index << 7 | channels << 3;
        return new byte[] {(byte) (bits >> 8), (byte) bits};
    }
}
