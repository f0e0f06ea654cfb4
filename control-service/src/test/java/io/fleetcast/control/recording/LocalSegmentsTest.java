package io.fleetcast.control.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.control.http.ForbiddenException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode's signed URLs: valid for their lifetime, for their key only, inside the directory. */
class LocalSegmentsTest {
    private static final byte[] SECRET = "a-token-secret-of-at-least-32-characters!".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void aSignedUrlOpensItsFileUntilItExpiresAndNotAnother(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("robot_1"));
        Files.writeString(root.resolve("robot_1/a.mp4"), "segment");
        Files.writeString(root.resolve("robot_1/b.mp4"), "other");
        URI url = new LocalSegments(root, SECRET, Clock.fixed(NOW, ZoneOffset.UTC))
                .playbackUrl("robot_1/a.mp4", Duration.ofSeconds(60));
        assertThat(url.getPath()).isEqualTo("/recordings/files/robot_1/a.mp4");
        Map<String, String> query = query(url);

        LocalSegments later = new LocalSegments(root, SECRET, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        assertThat(later.open("robot_1/a.mp4", query.get("expires"), query.get("signature")))
                .isEqualTo(root.toAbsolutePath().resolve("robot_1/a.mp4"));
        LocalSegments expired = new LocalSegments(root, SECRET, Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));
        assertThatThrownBy(() -> expired.open("robot_1/a.mp4", query.get("expires"), query.get("signature")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> later.open("robot_1/b.mp4", query.get("expires"), query.get("signature")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("signature");
        long extended = Long.parseLong(query.get("expires")) + 3600;
        assertThatThrownBy(() -> later.open("robot_1/a.mp4", Long.toString(extended), query.get("signature")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("signature");
        LocalSegments otherSecret = new LocalSegments(root, "another-secret-of-at-least-32-characters!!"
                .getBytes(StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> otherSecret.open("robot_1/a.mp4", query.get("expires"), query.get("signature")))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void keysOutsideTheDirectoryAreRefusedAndDeletingTwiceIsNoError(@TempDir Path root) throws Exception {
        LocalSegments segments = new LocalSegments(root.resolve("recordings"), SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
        Files.createDirectories(root.resolve("recordings/robot_1"));
        Files.writeString(root.resolve("secret.txt"), "not a recording");
        Map<String, String> query = query(segments.playbackUrl("../secret.txt", Duration.ofSeconds(60)));
        assertThatThrownBy(() -> segments.open("../secret.txt", query.get("expires"), query.get("signature")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("outside");
        Files.writeString(root.resolve("recordings/robot_1/a.mp4"), "segment");
        segments.delete(List.of("robot_1/a.mp4"));
        segments.delete(List.of("robot_1/a.mp4"));
        assertThat(root.resolve("recordings/robot_1/a.mp4")).doesNotExist();
    }

    private static Map<String, String> query(URI url) {
        return Arrays.stream(url.getQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
