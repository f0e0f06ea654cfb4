package io.fleetcast.control.mediatoken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs media tokens the way MediaMTX's {@code authMethod: jwt} checks them (its
 * {@code internal/auth}): ES256 with the signing key's {@code kid} in the header (MediaMTX
 * finds the key in the JWKS by it), the permissions under {@code mediamtx_permissions} as a
 * list of {@code {action, path}}, {@code exp} and {@code nbf} (MediaMTX refuses a token past
 * its {@code exp} or before its {@code nbf}), and {@code iss} / {@code aud} when configured.
 */
public final class MediaTokens {
    public static final String CLAIM = "mediamtx_permissions";

    private final MediaKeys keys;
    private final MediaTokenSettings settings;
    private final Clock clock;

    public MediaTokens(MediaKeys keys, MediaTokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    public MediaToken issue(String subject, List<MediaPermission> permissions, Duration ttl) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim(CLAIM, permissions.stream().map(p -> Map.of("action", p.action(), "path", p.path())).toList());
        settings.issuer().ifPresent(claims::issuer);
        settings.audience().ifPresent(claims::audience);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.signing().getKeyID())
                .type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new ECDSASigner(keys.signing()));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a media token failed", e);
        }
        return new MediaToken(jwt.serialize(), expires, permissions);
    }

    public MediaTokenSettings settings() {
        return settings;
    }

    public MediaKeys keys() {
        return keys;
    }
}
