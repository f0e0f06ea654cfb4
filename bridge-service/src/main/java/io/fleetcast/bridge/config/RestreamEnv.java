package io.fleetcast.bridge.config;

import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.bridge.restream.RestreamSettings;
import io.fleetcast.config.ConfigException;
import io.fleetcast.config.EnvReader;
import io.fleetcast.media.retry.Backoff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The restream destinations: YouTube's primary and backup ingest, each a URL and a stream
 * key, sharing the rung, backoff, timeouts and CA bundle. Messages name keys, never the
 * stream key's value.
 */
final class RestreamEnv {
    static final String DEFAULT_CA_FILE = "/etc/ssl/certs/ca-certificates.crt";
    private static final String NO_VERIFY = "off";
    private static final List<String> DESTINATIONS = List.of("PRIMARY", "BACKUP");

    private RestreamEnv() {
    }

    static List<RestreamSettings> read(EnvReader read, Ladder ladder) {
        String rung = read.text("RESTREAM_RUNG", "").toLowerCase(java.util.Locale.ROOT);
        if (!rung.isEmpty() && ladder.rungs().stream().map(Rung::name).noneMatch(rung::equals)) {
            throw new ConfigException("RESTREAM_RUNG must name a rung of LADDER "
                    + ladder.rungs().stream().map(Rung::name).toList() + ", got '" + rung + "'");
        }
        int min = read.integer("RESTREAM_RECONNECT_MIN_MS", 1000, 10, 600_000);
        int max = read.integer("RESTREAM_RECONNECT_MAX_MS", 30_000, 10, 3_600_000);
        if (max < min) {
            throw new ConfigException("RESTREAM_RECONNECT_MAX_MS (" + max + ") must not be below"
                    + " RESTREAM_RECONNECT_MIN_MS (" + min + ")");
        }
        Backoff backoff = new Backoff(Duration.ofMillis(min), Duration.ofMillis(max));
        Duration connect = Duration.ofMillis(read.integer("RESTREAM_CONNECT_TIMEOUT_MS", 10_000, 100, 600_000));
        Duration io = Duration.ofMillis(read.integer("RESTREAM_IO_TIMEOUT_MS", 5_000, 100, 600_000));
        Duration pace = Duration.ofMillis(read.integer("RESTREAM_PACE_MS",
                (int) RestreamSettings.DEFAULT_PACE.toMillis(), 0, 5_000));
        String caSetting = read.text("RESTREAM_TLS_CA_FILE", DEFAULT_CA_FILE);
        String caFile = caSetting.equalsIgnoreCase(NO_VERIFY) ? null : caSetting;
        List<RestreamSettings> destinations = new ArrayList<>();
        for (String which : DESTINATIONS) {
            String urlKey = "RESTREAM_" + which + "_URL";
            String keyKey = "RESTREAM_" + which + "_KEY";
            String url = read.text(urlKey, "");
            String key = read.text(keyKey, "");
            if (url.isEmpty()) {
                if (!key.isEmpty()) {
                    throw new ConfigException(keyKey + " is set but " + urlKey + " is not");
                }
                continue;
            }
            if (key.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigException(keyKey + " must not contain spaces");
            }
            RestreamSettings settings;
            try {
                settings = RestreamSettings.of(which.toLowerCase(java.util.Locale.ROOT), url, key,
                        rung.isEmpty() ? null : rung, backoff, connect, io, caFile).withPace(pace);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(urlKey + (key.isEmpty() ? " (with no " + keyKey + ")" : "")
                        + ": " + e.getMessage(), e);
            }
            if (settings.tls() && caFile != null && !Files.isReadable(Path.of(caFile))) {
                throw new ConfigException("RESTREAM_TLS_CA_FILE " + caFile + " is not a readable file (needed to"
                        + " verify " + urlKey + "'s certificate; 'off' skips verification)");
            }
            destinations.add(settings);
        }
        return List.copyOf(destinations);
    }
}
