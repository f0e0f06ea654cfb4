package io.fleetcast.control.recording;

import io.fleetcast.config.EnvReader;
import io.fleetcast.config.Redacted;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where recordings are and how long they are kept. With {@code RECORDINGS_S3_BUCKET} the
 * segments are in S3 and played through presigned URLs (or {@code RECORDINGS_CDN_URL} + key);
 * else with {@code RECORDINGS_DIR} they are on this machine's disk (local mode) and served by
 * the service itself; with neither, the index is kept but nothing can be played. Presigned URLs
 * name {@code RECORDINGS_S3_PUBLIC_ENDPOINT} when the players reach the store at another address
 * than the service does (MinIO in compose: {@code minio:9000} inside, {@code localhost:9000}
 * outside). Credentials:
 * {@code RECORDINGS_S3_ACCESS_KEY}/{@code RECORDINGS_S3_SECRET_KEY}, else the AWS SDK's default
 * chain ({@code AWS_ACCESS_KEY_ID}, ...). {@code retention} zero keeps everything.
 */
public record RecordingSettings(Optional<String> bucket, Optional<URI> endpoint, Optional<URI> publicEndpoint,
                                String region,
                                Optional<String> accessKey, Optional<String> secretKey, Optional<URI> cdnUrl,
                                Optional<Path> localDir, Duration urlLifetime, Duration retention) {
    public RecordingSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(localDir, "localDir");
        if (publicEndpoint.isPresent() && endpoint.isEmpty()) {
            throw new IllegalArgumentException("RECORDINGS_S3_PUBLIC_ENDPOINT needs RECORDINGS_S3_ENDPOINT");
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException(
                    "RECORDINGS_S3_ACCESS_KEY and RECORDINGS_S3_SECRET_KEY must be set together (or neither)");
        }
        if (urlLifetime.toSeconds() < 1 || urlLifetime.toSeconds() > 604_800) {
            throw new IllegalArgumentException("RECORDINGS_URL_TTL_SECONDS must be 1..604800 (S3's limit), got "
                    + urlLifetime.toSeconds());
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("RECORDINGS_RETENTION_DAYS must be >= 0, got " + retention.toDays());
        }
    }

    public static RecordingSettings fromEnv(Map<String, String> env) {
        EnvReader in = new EnvReader(env);
        return new RecordingSettings(
                in.optional("RECORDINGS_S3_BUCKET"),
                in.optionalUri("RECORDINGS_S3_ENDPOINT"),
                in.optionalUri("RECORDINGS_S3_PUBLIC_ENDPOINT"),
                in.text("RECORDINGS_S3_REGION", "us-east-1"),
                in.optional("RECORDINGS_S3_ACCESS_KEY"),
                in.optional("RECORDINGS_S3_SECRET_KEY"),
                in.optionalUri("RECORDINGS_CDN_URL"),
                in.optional("RECORDINGS_DIR").map(Path::of),
                Duration.ofSeconds(in.integer("RECORDINGS_URL_TTL_SECONDS", 300, 1, 7 * 24 * 3600)),
                Duration.ofDays(in.integer("RECORDINGS_RETENTION_DAYS", 30, 0, 36_500)));
    }

    /** Where players fetch segments from: the CDN, the public endpoint or the endpoint (null: AWS). */
    public Optional<URI> playerOrigin() {
        return cdnUrl.or(() -> publicEndpoint).or(() -> endpoint);
    }

    @Override
    public String toString() {
        return "recordings=" + bucket.map(b -> "s3://" + b + endpoint.map(e -> " at " + Redacted.url(e))
                .orElse("")).orElse(localDir.map(Path::toString).orElse("none"))
                + ", recordingUrlTtl=" + urlLifetime.toSeconds() + "s, retention=" + retention.toDays() + "d";
    }
}
