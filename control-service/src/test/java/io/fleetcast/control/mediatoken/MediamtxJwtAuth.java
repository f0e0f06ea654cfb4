package io.fleetcast.control.mediatoken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MediaMTX's {@code authMethod: jwt} as its source states it (v1.20.1, {@code internal/auth}:
 * {@code authenticateJWT}, {@code pullJWTJWKS}, {@code jwtClaims.UnmarshalJSON},
 * {@code matchesPermission}; golang-jwt v5's default validation; keyfunc v3's key lookup), so
 * tests can put our tokens to MediaMTX's own rules without a MediaMTX binary:
 * <ul>
 * <li>the JWKS is fetched over HTTP at the first token and kept until refreshed (MediaMTX: once
 *     an hour, or {@code RefreshJWTJWKS});</li>
 * <li>the key is the JWKS entry whose {@code kid} is the token header's (no kid, no key); a JWK's
 *     {@code alg}, when set, must be the header's;</li>
 * <li>{@code exp}, when present, must be after now and {@code nbf}, when present, not after
 *     now (no leeway); {@code iss} must equal {@code authJWTIssuer} and {@code aud} contain
 *     {@code authJWTAudience} when those are set;</li>
 * <li>the claim {@code authJWTClaimKey} must be present: a list of {@code {action, path}} or a
 *     JSON string holding one;</li>
 * <li>a permission matches when its action is the request's and, for publish, read and playback,
 *     its path is empty, equals the path, or is {@code ~regex} found in the path.</li>
 * </ul>
 */
final class MediamtxJwtAuth {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI jwks;
    private final String claimKey;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    private final Clock clock;
    private JWKSet keys;

    MediamtxJwtAuth(URI jwks, Optional<String> issuer, Optional<String> audience, Clock clock) {
        this.jwks = jwks;
        this.claimKey = MediaTokens.CLAIM;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** MediaMTX's {@code RefreshJWTJWKS} (and what its hourly refresh does): fetch again at the next token. */
    void refreshJwks() {
        keys = null;
    }

    /** Empty when MediaMTX allows {@code action} on {@code path} with {@code token}; else its reason. */
    Optional<String> deny(String action, String path, String token) throws Exception {
        if (keys == null) {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(jwks).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            keys = JWKSet.parse(reply.body());
        }
        if (token == null || token.isEmpty()) {
            return Optional.of("JWT not provided");
        }
        SignedJWT jwt = SignedJWT.parse(token);
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            return Optional.of("could not find kid in JWT header");
        }
        JWK key = keys.getKeyByKeyId(kid);
        if (key == null) {
            return Optional.of("key not found in the JWKS: " + kid);
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(jwt.getHeader().getAlgorithm().getName())) {
            return Optional.of("JWK alg does not match the token's");
        }
        JWSVerifier verifier = switch (key) {
            case ECKey ec -> new ECDSAVerifier(ec.toPublicJWK());
            case RSAKey rsa -> new RSASSAVerifier(rsa.toPublicJWK());
            default -> null;
        };
        if (verifier == null || !jwt.verify(verifier)) {
            return Optional.of("signature is invalid");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        Instant now = clock.instant();
        if (claims.getExpirationTime() != null && !now.isBefore(claims.getExpirationTime().toInstant())) {
            return Optional.of("token has invalid claims: token is expired");
        }
        if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
            return Optional.of("token has invalid claims: token is not valid yet");
        }
        if (issuer.isPresent() && !issuer.get().equals(claims.getIssuer())) {
            return Optional.of("token has invalid issuer");
        }
        if (audience.isPresent() && (claims.getAudience() == null || !claims.getAudience().contains(audience.get()))) {
            return Optional.of("token has invalid audience");
        }
        JsonNode payload = JSON.readTree(jwt.getPayload().toString());
        if (!payload.has(claimKey)) {
            return Optional.of("claim '" + claimKey + "' not found inside JWT");
        }
        JsonNode permissions = payload.get(claimKey);
        if (permissions.isTextual()) {
            permissions = JSON.readTree(permissions.asText());
        }
        List<Map<String, String>> list = JSON.convertValue(permissions,
                JSON.getTypeFactory().constructCollectionType(List.class, Map.class));
        return matches(list, action, path) ? Optional.empty()
                : Optional.of("user doesn't have permission to perform action");
    }

    private static boolean matches(List<Map<String, String>> permissions, String action, String path) {
        for (Map<String, String> permission : permissions) {
            if (!action.equals(permission.get("action"))) {
                continue;
            }
            if (!List.of("publish", "read", "playback").contains(action)) {
                return true;
            }
            String allowed = permission.getOrDefault("path", "");
            if (allowed == null || allowed.isEmpty() || allowed.equals(path)
                    || allowed.startsWith("~") && Pattern.compile(allowed.substring(1)).matcher(path).find()) {
                return true;
            }
        }
        return false;
    }
}
