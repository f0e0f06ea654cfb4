package io.fleetcast.control.mediatoken;

import io.fleetcast.config.EnvReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The JWT mode for MediaMTX ({@code config/control.env}): where the signing keys live, which
 * one signs, how long each kind of media token lives, and the issuer and audience MediaMTX is
 * told to expect ({@code authJWTIssuer}, {@code authJWTAudience}).
 *
 * @param keysFile   a JWK set with the private keys (at most two: the one in use and the next or
 *                   the previous); unset in dev: generated under the data directory
 * @param signingKid the key that signs; unset: the first in the file
 */
public record MediaTokenSettings(Optional<Path> keysFile, Optional<String> signingKid, Duration readTtl,
                                 Duration driveTtl, Duration publishTtl, Optional<String> issuer,
                                 Optional<String> audience) {
    public static MediaTokenSettings fromEnv(Map<String, String> env) {
        EnvReader in = new EnvReader(env);
        return new MediaTokenSettings(
                in.optional("MEDIA_JWT_KEYS_FILE").map(Path::of),
                in.optional("MEDIA_JWT_SIGNING_KID"),
                in.seconds("MEDIA_JWT_READ_TTL_SECONDS", Duration.ofMinutes(5), 10, 86_400),
                in.seconds("MEDIA_JWT_DRIVE_TTL_SECONDS", Duration.ofSeconds(30), 5, 600),
                in.seconds("MEDIA_JWT_PUBLISH_TTL_SECONDS", Duration.ofSeconds(60), 10, 3_600),
                in.optional("MEDIA_JWT_ISSUER"),
                in.optional("MEDIA_JWT_AUDIENCE"));
    }

    public static MediaTokenSettings defaults() {
        return fromEnv(Map.of());
    }
}
