package io.fleetcast.control.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (a slow, memory-hard KDF), stored in the PHC string format so the
 * parameters can be raised later without breaking existing hashes.
 */
public final class PasswordHasher {
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final int HASH_BYTES = 32;

    private final int memoryKib;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public PasswordHasher() {
        this(19_456, 2);
    }

    public PasswordHasher(int memoryKib, int iterations) {
        if (memoryKib < 8 || iterations < 1) {
            throw new IllegalArgumentException("Argon2 memory >= 8 KiB and iterations >= 1 required");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** Constant-time comparison; a malformed stored hash never matches. */
    public boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            for (String param : parts[3].split(",")) {
                String[] kv = param.split("=");
                switch (kv[0]) {
                    case "m" -> m = Integer.parseInt(kv[1]);
                    case "t" -> t = Integer.parseInt(kv[1]);
                    default -> { }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            byte[] actual = derive(password, salt, m, t, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(1)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
