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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs and verifies user tokens: HS256 JWTs, verified locally (no database) so HTTP handlers,
 * WebSockets and the MediaMTX auth hook can all call {@link #verify} on every request. Each
 * token carries an id ({@code jti}) and the user's token version ({@code ver}); every
 * verification also asks the {@link TokenCheck} whether the token was taken back since.
 */
public final class Tokens {
    private static final String ISSUER = "fleetcast";
    private static final int MAX_TOKEN_CHARS = 4096;
    private static final int MAX_CACHED = 50_000;
    private static final Base64.Encoder ID = Base64.getUrlEncoder().withoutPadding();

    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final Duration ttl;
    private final Clock clock;
    private final TokenCheck check;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();

    public Tokens(byte[] secret, Duration ttl, Clock clock, TokenCheck check) {
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
        this.check = check;
    }

    public IssuedToken issue(User user) {
        return issue(user, ttl);
    }

    public IssuedToken issue(User user, Duration lifetime) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        byte[] id = new byte[16];
        random.nextBytes(id);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .jwtID(ID.encodeToString(id))
                .subject(Long.toString(user.id()))
                .claim("ver", user.tokenVersion())
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

    /** The principal of a valid token: well-signed, unexpired, not taken back; else empty. */
    public Optional<Principal> verify(String token) {
        return verifyToken(token).map(VerifiedToken::principal);
    }

    /**
     * The facts of a valid token, or empty for anything else. Never throws for a bad token; a
     * miss of the standing cache while PostgreSQL is down throws
     * {@link io.fleetcast.control.store.StoreUnavailableException} (callers fail closed).
     */
    public Optional<VerifiedToken> verifyToken(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS || !looksLikeJwt(token)) {
            return Optional.empty();
        }
        // A token's signature never changes, so each distinct token is verified once; only the
        // expiry and the revocation state are checked again. Viewers reuse their token for every
        // connection.
        VerifiedToken cached = verified.get(token);
        if (cached == null) {
            Optional<VerifiedToken> fresh = parseAndVerify(token);
            if (fresh.isEmpty()) {
                return Optional.empty();
            }
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(token, fresh.get());
            cached = fresh.get();
        }
        return stillValid(cached) ? Optional.of(cached) : Optional.empty();
    }

    /** Whether a token verified earlier (e.g. when a socket opened) still counts now. */
    public boolean stillValid(VerifiedToken token) {
        return token.expiresAt().isAfter(clock.instant()) && check.stillValid(token);
    }

    private Optional<VerifiedToken> parseAndVerify(String token) {
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
            Principal principal = new Principal(Long.parseLong(claims.getSubject()), claims.getStringClaim("name"),
                    Role.parse(claims.getStringClaim("role")));
            // Tokens issued before revocation existed carry neither claim: version 0 (every
            // user's first), and an id derived from the token so that log-out still works.
            Long version = claims.getLongClaim("ver");
            String id = claims.getJWTID() != null ? claims.getJWTID() : "sha256:" + sha256(token);
            return Optional.of(new VerifiedToken(principal, id, version == null ? 0 : version, expires.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String sha256(String token) {
        try {
            return ID.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Cheap pre-check so stream keys and passwords are not fed to the JWT parser. */
    static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first + 1 && token.startsWith("eyJ");
    }
}
