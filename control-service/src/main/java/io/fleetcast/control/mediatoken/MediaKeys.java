package io.fleetcast.control.mediatoken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.fleetcast.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ES256 keys media tokens are signed with. All of them are published (the JWKS), one
 * signs. MediaMTX fetches the JWKS at its first JWT and then once an hour, so a rotation
 * without downtime is: add the next key (both published), wait an hour, make it the signing
 * one, and drop the old one once the tokens it signed have expired.
 */
public final class MediaKeys {
    static final int MAX_KEYS = 2;

    private final List<ECKey> keys;
    private final ECKey signing;

    MediaKeys(List<ECKey> keys, Optional<String> signingKid) {
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw new ConfigException("MEDIA_JWT_KEYS_FILE must hold 1 or " + MAX_KEYS + " keys (the one in use and"
                    + " the next or the previous), got " + keys.size());
        }
        this.keys = List.copyOf(keys);
        this.signing = signingKid.map(kid -> keys.stream().filter(key -> kid.equals(key.getKeyID())).findFirst()
                        .orElseThrow(() -> new ConfigException("MEDIA_JWT_SIGNING_KID '" + kid
                                + "' is not a key of MEDIA_JWT_KEYS_FILE (" + kids() + ")")))
                .orElse(keys.get(0));
    }

    /**
     * The configured file; in dev without one, a file under the data directory created once;
     * in production without one, none: the JWT mode is off (every instance must sign with the
     * same keys, so they cannot be made up per instance).
     */
    public static Optional<MediaKeys> forService(MediaTokenSettings settings, boolean devMode, Path dataDir) {
        if (settings.keysFile().isPresent()) {
            return Optional.of(load(settings.keysFile().get(), settings.signingKid()));
        }
        if (!devMode) {
            return Optional.empty();
        }
        Path file = dataDir.resolve("media-jwt-keys.json");
        if (!Files.exists(file)) {
            addKey(file);
        }
        return Optional.of(load(file, settings.signingKid()));
    }

    public static MediaKeys load(Path file, Optional<String> signingKid) {
        try {
            List<ECKey> keys = new ArrayList<>();
            for (JWK jwk : JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)).getKeys()) {
                if (!(jwk instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())
                        || ec.getKeyID() == null) {
                    throw new ConfigException("MEDIA_JWT_KEYS_FILE " + file + ": every key must be a private P-256"
                            + " EC key with a kid");
                }
                keys.add(ec);
            }
            return new MediaKeys(keys, signingKid);
        } catch (IOException e) {
            throw new ConfigException("MEDIA_JWT_KEYS_FILE " + file + " cannot be read: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new ConfigException("MEDIA_JWT_KEYS_FILE " + file + " is not a JWK set: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a new key to {@code file} (created, readable by its owner only), dropping the oldest
     * when there were already two; returns the new key's id. The signing key stays the first
     * unless MEDIA_JWT_SIGNING_KID names the new one.
     */
    public static String addKey(Path file) {
        try {
            List<JWK> keys = new ArrayList<>(Files.exists(file)
                    ? JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)).getKeys() : List.of());
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).issueTime(java.util.Date.from(Instant.now())).generate();
            keys.add(key);
            while (keys.size() > MAX_KEYS) {
                keys.remove(0);
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".media-jwt-keys", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, new JWKSet(keys).toString(false), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return key.getKeyID();
        } catch (IOException e) {
            throw new UncheckedIOException("writing media keys to " + file + " failed", e);
        } catch (ParseException e) {
            throw new ConfigException(file + " is not a JWK set: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new IllegalStateException("generating a P-256 key failed", e);
        }
    }

    ECKey signing() {
        return signing;
    }

    /** What {@code authJWTJWKS} serves: the public halves of every key. */
    public JWKSet publicSet() {
        return new JWKSet(List.copyOf(keys)).toPublicJWKSet();
    }

    List<String> kids() {
        return keys.stream().map(ECKey::getKeyID).toList();
    }
}
