package io.fleetcast.control.admin;

import io.fleetcast.config.Args;
import io.fleetcast.config.ConfigException;
import io.fleetcast.config.UsageException;
import io.fleetcast.control.ControlConfig;
import io.fleetcast.control.mediatoken.MediaKeys;
import io.fleetcast.control.mediatoken.MediaPermission;
import io.fleetcast.control.mediatoken.MediaToken;
import io.fleetcast.control.mediatoken.MediaTokens;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JWT mode's admin commands, which need no database: {@code add-media-key} (a signing key
 * into the keys file) and {@code issue-media-token} (a token for a service, e.g. the bridge's
 * read of {@code playroom}, which MediaMTX checks whenever it connects).
 */
final class MediaKeyCommands {
    private MediaKeyCommands() {
    }

    static boolean handles(String command) {
        return command.equals("add-media-key") || command.equals("issue-media-token");
    }

    static void run(String command, List<String> words, Map<String, String> env, PrintStream out) {
        if (command.equals("add-media-key")) {
            Args args = Args.parse(words, Set.of("--file"), Set.of());
            Path file = Path.of(args.required("--file"));
            out.println("added media key " + MediaKeys.addKey(file) + " to " + file
                    + " (MEDIA_JWT_SIGNING_KID selects the one that signs)");
            return;
        }
        Args args = Args.parse(words, Set.of("--action", "--path", "--ttl-minutes", "--subject"), Set.of());
        MediaPermission permission;
        try {
            permission = new MediaPermission(args.required("--action"), args.required("--path"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Duration ttl = Duration.ofMinutes(args.longOption("--ttl-minutes", 24 * 60, 1));
        ControlConfig config = ControlConfig.fromEnv(env);
        MediaKeys keys = MediaKeys.forService(config.mediaTokens(), config.devMode(), config.dataDir())
                .orElseThrow(() -> new ConfigException("MEDIA_JWT_KEYS_FILE is not set: the JWT mode is off"));
        MediaToken token = new MediaTokens(keys, config.mediaTokens(), Clock.systemUTC())
                .issue(args.option("--subject", "service"), List.of(permission), ttl);
        out.println("media token (" + permission.action() + " " + permission.path() + "), expires " + token.expiresAt()
                + ":");
        out.println(token.token());
    }
}
