package io.fleetcast.bridge.audio;

import io.fleetcast.config.ConfigException;
import io.fleetcast.config.EnvReader;
import io.fleetcast.media.format.MediaUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The audio keys of the bridge (documented in config/bridge.env).
 *
 * @param source     where the broadcast's sound comes from
 * @param remote     the other bridge's {@code /stream} URL when {@code source} is REMOTE, else null
 * @param mix        how live audio meets the source's sound
 * @param token      the bearer token of this bridge's endpoint and of the remote one; empty: the
 *                   endpoint is off (and live sources are refused)
 * @param port       the endpoint's port (0: any free port)
 * @param staleAfter how long after the producer's last sound the live audio turns to silence
 */
public record AudioSettings(AudioSource source, URI remote, AudioMix mix, String token, int port,
                            Duration staleAfter) {
    public static final int DEFAULT_PORT = 8091;
    private static final int MIN_TOKEN_LENGTH = 16;

    public AudioSettings {
        if ((source == AudioSource.REMOTE) != (remote != null)) {
            throw new IllegalArgumentException("a remote URL goes with (and only with) the REMOTE source");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (staleAfter.isNegative() || staleAfter.isZero() || staleAfter.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("stale time must be in (0, 1 s], got " + staleAfter);
        }
        token = token == null ? "" : token;
    }

    public static AudioSettings fromEnv(Map<String, String> env) {
        EnvReader read = new EnvReader(env);
        String sourceText = read.text("AUDIO_SOURCE", "source");
        AudioSource source = source(sourceText);
        URI remote = source == AudioSource.REMOTE ? remote(sourceText) : null;
        String token = read.text("AUDIO_TOKEN", "");
        boolean printable = token.chars().allMatch(c -> c > 32 && c < 127);
        if (!token.isEmpty() && (token.length() < MIN_TOKEN_LENGTH || !printable)) {
            // The value itself is never repeated: it is a secret.
            throw new ConfigException("AUDIO_TOKEN must be at least " + MIN_TOKEN_LENGTH
                    + " printable ASCII characters without spaces");
        }
        if (token.isEmpty() && (source == AudioSource.ENDPOINT || source == AudioSource.REMOTE)) {
            throw new ConfigException("AUDIO_SOURCE=" + (remote != null ? MediaUrl.redact(sourceText) : sourceText)
                    + " needs AUDIO_TOKEN (the audio endpoint is off without one)");
        }
        return new AudioSettings(source, remote,
                read.parsed("AUDIO_MIX", "mix", AudioMix::parse),
                token,
                read.integer("AUDIO_PORT", DEFAULT_PORT, 0, 65_535),
                Duration.ofMillis(read.integer("AUDIO_STALE_MS", 500, 20, 1000)));
    }

    /** True when this bridge serves {@code POST /ingest} and {@code GET /stream}. */
    public boolean endpointEnabled() {
        return !token.isEmpty();
    }

    /** True when the broadcast takes live audio (this endpoint's or a remote one). */
    public boolean live() {
        return source == AudioSource.ENDPOINT || source == AudioSource.REMOTE;
    }

    @Override
    public String toString() {
        return "audio source=" + source.name().toLowerCase(Locale.ROOT)
                + (remote != null ? " " + MediaUrl.redact(remote.toString()) : "")
                + " mix=" + mix.name().toLowerCase(Locale.ROOT)
                + " endpoint=" + (endpointEnabled() ? "port " + port : "off")
                + " stale=" + staleAfter.toMillis() + "ms";
    }

    private static AudioSource source(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return AudioSource.REMOTE;
        }
        return switch (lower) {
            case "source" -> AudioSource.SOURCE;
            case "silent" -> AudioSource.SILENT;
            case "endpoint" -> AudioSource.ENDPOINT;
            default -> throw new ConfigException("AUDIO_SOURCE has a bad value '" + MediaUrl.redact(text)
                    + "': expected source, silent, endpoint or the http(s):// URL of an audio endpoint's /stream");
        };
    }

    /** Errors name the URL without user, password or query (EnvReader would repeat the value). */
    private static URI remote(String text) {
        String problem;
        try {
            URI uri = new URI(text);
            if (uri.getUserInfo() != null) {
                problem = "put no credentials in the URL: the bearer token is AUDIO_TOKEN";
            } else if (uri.getHost() == null) {
                problem = "the URL has no host";
            } else {
                return uri;
            }
        } catch (URISyntaxException e) {
            problem = "not a valid URL";
        }
        throw new ConfigException("AUDIO_SOURCE has a bad value '" + MediaUrl.redact(text) + "': " + problem);
    }
}
