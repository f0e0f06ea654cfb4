package io.fleetcast.control.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fleetcast.control.user.Role;
import io.fleetcast.control.user.User;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs and verifies user tokens: HS256 JWTs, verified locally (no database) so HTTP handlers,
 * WebSockets and the MediaMTX auth hook can all call {@link #verify} on every request.
 */
public final class Tokens {
    private static final String ISSUER = "fleetcast";
    private static final int MAX_TOKEN_CHARS = 4096;
    private static final int MAX_CACHED = 50_000;

    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public Tokens(byte[] secret, Duration ttl, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("token signing secret must be at least 32 bytes");
        }
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable token signing secret", e);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    public IssuedToken issue(User user) {
        return issue(user, ttl);
    }

    public IssuedToken issue(User user, Duration lifetime) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(Long.toString(user.id()))
                .claim("name", user.name())
                .claim("role", user.role().wire())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return new IssuedToken(jwt.serialize(), expires);
    }

    /** The principal of a well-signed, unexpired token; empty for anything else (never throws). */
    public Optional<Principal> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS || !looksLikeJwt(token)) {
            return Optional.empty();
        }
        // A token's signature never changes, so each distinct token is verified once; only the
        // expiry is checked again. Viewers reuse their token for every connection.
        Verified cached = verified.get(token);
        if (cached != null) {
            return cached.expires().isAfter(clock.instant()) ? Optional.of(cached.principal()) : Optional.empty();
        }
        Optional<Verified> fresh = parseAndVerify(token);
        fresh.ifPresent(v -> {
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(token, v);
        });
        return fresh.map(Verified::principal);
    }

    private Optional<Verified> parseAndVerify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (expires == null || !expires.toInstant().isAfter(clock.instant()) || !ISSUER.equals(claims.getIssuer())) {
                return Optional.empty();
            }
            return Optional.of(new Verified(new Principal(Long.parseLong(claims.getSubject()),
                    claims.getStringClaim("name"), Role.parse(claims.getStringClaim("role"))), expires.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Verified(Principal principal, Instant expires) {
    }

    /** Cheap pre-check so stream keys and passwords are not fed to the JWT parser. */
    static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first + 1 && token.startsWith("eyJ");
    }
}
