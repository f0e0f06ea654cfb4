package io.fleetcast.stack;

import java.security.SecureRandom;
import java.util.Base64;

/** Random URL-safe secrets (passwords, tokens) for the local stack. */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 192 random bits, 32 URL-safe characters. */
    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
