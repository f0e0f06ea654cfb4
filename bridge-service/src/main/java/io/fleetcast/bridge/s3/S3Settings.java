package io.fleetcast.bridge.s3;

import io.fleetcast.media.format.MediaUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the S3 output goes and how it treats the bucket. Credentials are not here: they come
 * from the SDK's default chain (environment, profile, container or instance role).
 *
 * @param prefix folder inside the bucket, without leading or trailing slash; empty for the root
 * @param endpoint an S3 API other than AWS (MinIO, Ceph, R2), addressed path-style; null for AWS
 * @param deleteOld delete segments that left the bucket's playlists after {@code deleteDelay};
 *                  false leaves them to a lifecycle rule of the bucket
 * @param spoolSegments segments that may wait for the bucket on local disk; beyond that the
 *                      oldest are skipped (counted) so the spool stays bounded while S3 is down
 */
public record S3Settings(String bucket, String prefix, URI endpoint, String region, boolean deleteOld,
                         Duration deleteDelay, int spoolSegments) {
    public static final String DEFAULT_REGION = "us-east-1";

    public S3Settings {
        if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException("bucket must be a bucket name, got '" + bucket + "'");
        }
        prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        if (endpoint != null) {
            checkEndpoint(endpoint);
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must not be empty");
        }
        if (deleteDelay.isNegative()) {
            throw new IllegalArgumentException("delete delay must not be negative, got " + deleteDelay);
        }
        if (spoolSegments < 1) {
            throw new IllegalArgumentException("spool must hold at least one segment, got " + spoolSegments);
        }
    }

    /** Parses an endpoint URL; the message of a bad one shows it without user info or query. */
    public static URI endpoint(String text) {
        URI endpoint;
        try {
            endpoint = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + MediaUrl.redact(text));
        }
        checkEndpoint(endpoint);
        return endpoint;
    }

    private static void checkEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("must be an http:// or https:// URL with a host, got "
                    + MediaUrl.redact(endpoint.toString()));
        }
        if (endpoint.getRawUserInfo() != null || endpoint.getRawQuery() != null) {
            // Keys in a URL end up in logs; the SDK's credential chain is the only source.
            throw new IllegalArgumentException("must not carry credentials or a query, got "
                    + MediaUrl.redact(endpoint.toString()));
        }
    }

    /** The object key of an HLS name ({@code 720p/seg_3.ts}). */
    public String key(String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** {@code s3://bucket/prefix}, safe to log. */
    public String location() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
