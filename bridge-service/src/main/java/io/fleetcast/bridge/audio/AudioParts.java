package io.fleetcast.bridge.audio;

import io.fleetcast.media.retry.Backoff;
import java.time.Duration;

/**
 * What the audio settings ask for, started and closed together (in reverse order): this
 * bridge's endpoint when {@code AUDIO_TOKEN} is set, and the live audio the broadcast reads
 * ({@code AUDIO_SOURCE=endpoint}: what producers push here; a URL: another bridge's stream).
 * With {@code AUDIO_SOURCE=source} or {@code silent} the endpoint still relays what is
 * pushed to its listeners, but the broadcast takes none of it.
 */
public final class AudioParts implements AutoCloseable {
    private static final Backoff REMOTE_BACKOFF = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    private final AudioEndpoint endpoint;
    private final LiveAudio live;

    private AudioParts(AudioEndpoint endpoint, LiveAudio live) {
        this.endpoint = endpoint;
        this.live = live;
    }

    public static AudioParts start(AudioSettings settings) {
        JitterBuffer ingested = new JitterBuffer(settings.staleAfter());
        AudioEndpoint endpoint = settings.endpointEnabled() ? AudioEndpoint.start(settings, ingested) : null;
        try {
            LiveAudio live = switch (settings.source()) {
                case SOURCE, SILENT -> null;
                case ENDPOINT -> ingested;
                case REMOTE -> new RemoteAudio(settings.remote(), settings.token(), settings.staleAfter(),
                        REMOTE_BACKOFF);
            };
            return new AudioParts(endpoint, live);
        } catch (RuntimeException e) {
            if (endpoint != null) {
                endpoint.close();
            }
            throw e;
        }
    }

    /** The live audio to mix over (or put in place of) the source's sound; null when there is none. */
    public LiveAudio live() {
        return live;
    }

    /** This bridge's endpoint; null when it is off (no AUDIO_TOKEN). */
    public AudioEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (live != null) {
            live.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
