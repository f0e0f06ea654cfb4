package io.fleetcast.bridge.audio;

/** Where the broadcast's sound comes from ({@code AUDIO_SOURCE}). */
public enum AudioSource {
    /** The robot's sound (silence where the source has none). */
    SOURCE,
    /** Silence, whatever the source carries. */
    SILENT,
    /** What producers push to this bridge's {@code POST /ingest}, over the source's sound. */
    ENDPOINT,
    /** Another bridge's {@code GET /stream}, over the source's sound. */
    REMOTE
}
