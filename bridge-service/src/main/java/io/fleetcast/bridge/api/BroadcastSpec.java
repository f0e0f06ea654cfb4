package io.fleetcast.bridge.api;

import io.fleetcast.bridge.config.ApiSettings;
import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.bridge.ingest.InputSettings;
import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.bridge.restream.RestreamSettings;
import io.fleetcast.media.retry.Backoff;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One broadcast to run, resolved from a start request over the bridge's configuration. Every
 * refusal is a 400 naming the field; nothing has started when one is thrown.
 *
 * @param hlsDir HLS_DIR itself for the main broadcast (today's layout), HLS_DIR/{name} for others
 */
public record BroadcastSpec(String name, InputSettings input, Ladder ladder, List<RestreamSettings> restream,
                            Path hlsDir) {
    /** What an API caller may make the bridge read: network inputs only, never a local file. */
    static final Set<String> INPUT_SCHEMES = Set.of("rtsp", "rtsps", "rtmp", "rtmps", "srt", "tcp", "udp", "http",
            "https");
    private static final String DEFAULT_CA_FILE = "/etc/ssl/certs/ca-certificates.crt";

    public BroadcastSpec {
        restream = List.copyOf(restream);
    }

    public static BroadcastSpec resolve(String name, StartRequest request, BridgeConfig config) {
        if (name == null || !ApiSettings.NAME.matcher(name).matches()) {
            throw ApiException.badField("name", "a broadcast name is 1-63 of a-z 0-9 _ - and not like 720p");
        }
        boolean main = name.equals(config.api().mainBroadcast());
        InputSettings input;
        if (request.inputUrl() != null) {
            input = config.inputPolicy().forUrl(inputUrl(request.inputUrl()));
        } else if (main && config.autostartUrl().isPresent()) {
            input = config.input();
        } else {
            throw ApiException.badField("inputUrl", "is required (only the main broadcast '"
                    + config.api().mainBroadcast() + "' has one configured, AUTOSTART_INPUT_URL)");
        }
        Ladder ladder = config.ladder();
        if (request.ladder() != null) {
            try {
                ladder = new Ladder(Rung.parseAll(request.ladder()), config.ladder().maxFps());
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("ladder", e.getMessage());
            }
        }
        List<RestreamSettings> restream = request.destinations() == null
                ? configured(config.restream(), ladder) : destinations(request, config, ladder);
        return new BroadcastSpec(name, input, ladder, restream, main ? config.hlsDir() : config.hlsDir().resolve(name));
    }

    private static String inputUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            // Not the value itself: it may carry a password or a token.
            throw ApiException.badField("inputUrl", "is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!INPUT_SCHEMES.contains(scheme)) {
            throw ApiException.badField("inputUrl", "scheme must be one of " + INPUT_SCHEMES.stream().sorted().toList()
                    + ", got " + (scheme.isEmpty() ? "none" : "'" + scheme + "'"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ApiException.badField("inputUrl", "needs a host: " + scheme + "://host[:port]/...");
        }
        return url.trim();
    }

    private static List<RestreamSettings> configured(List<RestreamSettings> restream, Ladder ladder) {
        for (RestreamSettings destination : restream) {
            if (destination.rung() != null && !hasRung(ladder, destination.rung())) {
                throw ApiException.badField("ladder", "has no rung " + destination.rung()
                        + ", which RESTREAM_RUNG sends; give destinations too or keep that rung");
            }
        }
        return restream;
    }

    private static List<RestreamSettings> destinations(StartRequest request, BridgeConfig config, Ladder ladder) {
        RestreamSettings template = config.restream().isEmpty() ? null : config.restream().getFirst();
        Backoff backoff = template == null ? new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)) : template.backoff();
        Duration connect = template == null ? Duration.ofSeconds(10) : template.connectTimeout();
        Duration io = template == null ? Duration.ofSeconds(5) : template.ioTimeout();
        String ca = template == null ? DEFAULT_CA_FILE : template.tlsCaFile();
        Duration pace = template == null ? RestreamSettings.DEFAULT_PACE : template.pace();
        List<RestreamSettings> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < request.destinations().size(); i++) {
            DestinationRequest d = request.destinations().get(i);
            String field = "destinations[" + i + "]";
            if (d == null) {
                throw ApiException.badField(field, "must be an object");
            }
            String name = d.name() == null ? "destination" + (i + 1) : d.name();
            if (!ApiSettings.NAME.matcher(name).matches() || !names.add(name)) {
                throw ApiException.badField(field + ".name", "must be unique, 1-63 of a-z 0-9 _ -");
            }
            String rung = d.rung() == null ? null : d.rung().toLowerCase(Locale.ROOT);
            if (rung != null && !hasRung(ladder, rung)) {
                throw ApiException.badField(field + ".rung", "unknown rung '" + rung + "'; the ladder has "
                        + ladder.rungs().stream().map(Rung::name).toList());
            }
            try {
                out.add(RestreamSettings.of(name, d.url(), d.key(), rung, backoff, connect, io, ca).withPace(pace));
            } catch (IllegalArgumentException e) {
                // RestreamSettings' messages never repeat the key.
                throw ApiException.badField(field + (e.getMessage().contains("stream key") ? ".key" : ".url"),
                        e.getMessage());
            }
        }
        return out;
    }

    private static boolean hasRung(Ladder ladder, String rung) {
        return ladder.rungs().stream().map(Rung::name).anyMatch(rung::equals);
    }
}
