package io.fleetcast.control.recording;

import io.fleetcast.control.http.ForbiddenException;
import io.fleetcast.control.http.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Local mode: segments stay in {@code RECORDINGS_DIR} (MediaMTX's {@code /recordings}, the
 * object key is the path below it) and the service serves them at
 * {@code /recordings/files/<key>?expires=<epoch s>&signature=<hex>}, an HMAC-SHA256 over the key
 * and expiry with a key derived from the token secret: short-lived like a presigned URL, and
 * valid on every instance.
 */
final class LocalSegments implements SegmentStore {
    static final String PREFIX = "/recordings/files/";

    private final Path root;
    private final SecretKeySpec key;
    private final Clock clock;

    LocalSegments(Path root, byte[] tokenSecret, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(tokenSecret, "HmacSHA256"),
                "fleetcast recordings url"), "HmacSHA256");
        this.clock = clock;
    }

    @Override
    public URI playbackUrl(String objectKey, Duration lifetime) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        return URI.create(PREFIX + objectKey + "?expires=" + expires + "&signature=" + sign(objectKey, expires));
    }

    /** The file a signed URL names: 403 when the signature is wrong or expired, 404 when gone. */
    Path open(String objectKey, String expires, String signature) {
        long until;
        try {
            until = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw new ForbiddenException("recording URL without a valid expires");
        }
        byte[] expected = sign(objectKey, until).getBytes(StandardCharsets.US_ASCII);
        if (signature == null || !MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenException("recording URL signature does not match");
        }
        if (clock.instant().getEpochSecond() > until) {
            throw new ForbiddenException("recording URL expired at " + until);
        }
        Path file = resolve(objectKey);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("recording " + objectKey + " is no longer on disk");
        }
        return file;
    }

    @Override
    public void delete(List<String> keys) {
        for (String objectKey : keys) {
            try {
                Files.deleteIfExists(resolve(objectKey));
            } catch (NoSuchFileException e) {
                // gone already (MediaMTX's recordDeleteAfter)
            } catch (IOException e) {
                throw new UncheckedIOException("deleting recording " + objectKey + " failed", e);
            }
        }
    }

    private Path resolve(String objectKey) {
        Path file = root.resolve(objectKey).normalize();
        if (!file.startsWith(root)) {
            throw new ForbiddenException("recording key outside the recordings directory: " + objectKey);
        }
        return file;
    }

    private String sign(String objectKey, long expires) {
        return HexFormat.of().formatHex(hmac(key, objectKey + "\n" + expires));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
