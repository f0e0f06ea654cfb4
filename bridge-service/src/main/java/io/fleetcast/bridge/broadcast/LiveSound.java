package io.fleetcast.bridge.broadcast;

import io.fleetcast.bridge.audio.AudioMix;
import io.fleetcast.bridge.audio.LiveAudio;

/**
 * Sound from outside the source (the audio endpoint, another bridge) and how it meets the
 * source's: mixed over it, or in its place. The live audio belongs to the caller.
 */
public record LiveSound(LiveAudio audio, AudioMix mix) {
    /** Whether the source's own sound is still wanted. */
    boolean keepsSource() {
        return mix == AudioMix.MIX;
    }
}
