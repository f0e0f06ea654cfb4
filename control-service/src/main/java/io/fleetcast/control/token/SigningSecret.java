package io.fleetcast.control.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** Where the token signing secret comes from: configured, or (dev mode) generated once and kept. */
public final class SigningSecret {
    private SigningSecret() {
    }

    public static byte[] configuredOrPersisted(Optional<String> configured, boolean devMode, Path dataDir) {
        if (configured.isPresent()) {
            byte[] bytes = configured.get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalArgumentException("TOKEN_SECRET must be at least 32 bytes, got " + bytes.length);
            }
            return bytes;
        }
        if (!devMode) {
            throw new IllegalArgumentException("TOKEN_SECRET is required when FLEETCAST_MODE=production");
        }
        Path file = dataDir.resolve("token-secret");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim().getBytes(StandardCharsets.US_ASCII);
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's own permissions protect it.
            }
            return encoded.getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create token secret " + file, e);
        }
    }
}
