package io.fleetcast.bridge.audio;

import java.util.Locale;

/** How the live audio meets the source's sound ({@code AUDIO_MIX}). */
public enum AudioMix {
    /** The live audio instead of the source's sound (silence where the live audio has none). */
    REPLACE,
    /** The live audio added to the source's sound, clipped to [-1, 1]. */
    MIX;

    static AudioMix parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "replace" -> REPLACE;
            case "mix" -> MIX;
            default -> throw new IllegalArgumentException("expected replace or mix");
        };
    }

    /** Combines {@code live} into {@code source} in place, sample by sample (one channel). */
    public void apply(float[] source, float[] live, int samples) {
        for (int i = 0; i < samples; i++) {
            source[i] = this == REPLACE ? live[i] : Math.max(-1f, Math.min(1f, source[i] + live[i]));
        }
    }
}
