package io.fleetcast.control.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fleetcast.control.user.Role;
import io.fleetcast.control.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokensTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final User alice = new User(7, "alice", Role.OPERATOR, NOW);

    private Tokens at(Instant instant) {
        return new Tokens(SECRET, Duration.ofMinutes(30), Clock.fixed(instant, ZoneOffset.UTC), TokenCheck.NONE);
    }

    @Test
    void verifiesItsOwnTokenToThePrincipal() {
        String token = at(NOW).issue(alice).token();
        assertThat(at(NOW.plusSeconds(60)).verify(token)).contains(new Principal(7, "alice", Role.OPERATOR));
    }

    @Test
    void rejectsAnExpiredToken() {
        IssuedToken issued = at(NOW).issue(alice);
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(at(NOW.plus(Duration.ofMinutes(31))).verify(issued.token())).isEmpty();
    }

    @Test
    void rejectsAnAlreadyVerifiedTokenOnceItExpires() {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        Tokens tokens = new Tokens(SECRET, Duration.ofMinutes(30), clock, TokenCheck.NONE);
        String token = tokens.issue(alice).token();
        assertThat(tokens.verify(token)).isPresent();
        now.set(NOW.plus(Duration.ofMinutes(31)));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() {
        Tokens other = new Tokens("another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC), TokenCheck.NONE);
        assertThat(at(NOW).verify(other.issue(alice).token())).isEmpty();
    }

    @Test
    void rejectsATamperedClaim() {
        String[] parts = at(NOW).issue(new User(7, "alice", Role.USER, NOW)).token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user\"", "\"operator\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(at(NOW).verify(forged)).isEmpty();
    }

    @Test
    void rejectsAnUnsignedToken() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"7\",\"name\":\"alice\",\"role\":\"operator\",\"iss\":\"fleetcast\",\"exp\":9999999999}".getBytes());
        assertThat(at(NOW).verify(header + "." + claims + ".")).isEmpty();
    }

    @Test
    void rejectsGarbageWithoutThrowing() {
        Tokens tokens = at(NOW);
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("eyJ.eyJ.x")).isEmpty();
        assertThat(tokens.verify("a-stream-key-without-dots")).isEmpty();
        assertThat(tokens.verify("eyJ" + "a".repeat(10_000) + ".b.c")).isEmpty();
    }

    @Test
    void carriesAnIdAndTheUsersTokenVersion() {
        User versioned = new User(7, "alice", Role.USER, NOW, 4, false);
        Tokens tokens = at(NOW);
        VerifiedToken first = tokens.verifyToken(tokens.issue(versioned).token()).orElseThrow();
        VerifiedToken second = tokens.verifyToken(tokens.issue(versioned).token()).orElseThrow();
        assertThat(first.version()).isEqualTo(4);
        assertThat(first.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(first.id()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(second.id());
    }

    @Test
    void refusesATokenTakenBackEvenAfterItWasVerified() {
        Set<String> revoked = ConcurrentHashMap.newKeySet();
        Tokens tokens = new Tokens(SECRET, Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC),
                token -> !revoked.contains(token.id()));
        String token = tokens.issue(alice).token();
        VerifiedToken verified = tokens.verifyToken(token).orElseThrow();
        revoked.add(verified.id());
        assertThat(tokens.verify(token)).isEmpty();
        assertThat(tokens.stillValid(verified)).isFalse();
    }

    @Test
    void tokensFromBeforeRevocationExistedCountAsVersionZero() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("fleetcast")
                .subject("7").claim("name", "alice").claim("role", "user")
                .expirationTime(Date.from(NOW.plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET));
        VerifiedToken legacy = at(NOW).verifyToken(jwt.serialize()).orElseThrow();
        assertThat(legacy.version()).isZero();
        assertThat(legacy.id()).startsWith("sha256:");
        assertThat(at(NOW).verifyToken(jwt.serialize()).orElseThrow().id()).isEqualTo(legacy.id());
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new Tokens(new byte[16], Duration.ofMinutes(1), Clock.systemUTC(), TokenCheck.NONE))
                .hasMessageContaining("at least 32 bytes");
    }
}
