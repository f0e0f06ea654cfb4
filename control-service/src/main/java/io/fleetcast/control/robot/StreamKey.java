package io.fleetcast.control.robot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Stream keys: 256 random bits, URL-safe (they travel in {@code ?pass=} and SRT stream ids).
 * With that much entropy a fast hash is enough: SHA-256 cannot be brute-forced back to a key,
 * and a slow KDF would put milliseconds on every publish check.
 */
public final class StreamKey {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MessageDigest SHA256 = prototype();

    private StreamKey() {
    }

    private static MessageDigest prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String key) {
        return sha256().digest(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Cloning a prepared digest skips the provider lookup of getInstance on every auth check. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException missing) {
                throw new IllegalStateException("SHA-256 missing from the JDK", missing);
            }
        }
    }

    /** Constant-time: compares hashes with {@link MessageDigest#isEqual}. */
    public static boolean matches(String candidate, byte[] expectedHash) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 256) {
            return false;
        }
        return MessageDigest.isEqual(hash(candidate), expectedHash);
    }
}
