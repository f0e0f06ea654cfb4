package io.fleetcast.bridge.s3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A bucket through the AWS SDK's synchronous S3 client over the JDK's HTTP connection. The
 * SDK does not retry (the uploader does, with its own backoff, while later segments wait in
 * the spool), and every call is bounded in time so an unresponsive server cannot hold the
 * uploader for long.
 */
public final class S3Bucket implements Bucket {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final S3Settings settings;
    private final S3Client client;
    private final SdkAutoCloseable ownedCredentials;

    /** A bucket with credentials from the SDK's default chain. */
    public static S3Bucket connect(S3Settings settings) {
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        return new S3Bucket(settings, credentials, credentials);
    }

    public S3Bucket(S3Settings settings, AwsCredentialsProvider credentials) {
        this(settings, credentials, null);
    }

    private S3Bucket(S3Settings settings, AwsCredentialsProvider credentials, SdkAutoCloseable owned) {
        this.settings = settings;
        this.ownedCredentials = owned;
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(CALL_TIMEOUT));
        if (settings.endpoint() != null) {
            // Other S3 APIs are addressed path-style, and not all of them accept the SDK's
            // newer default checksums (aws-chunked bodies with trailers): send them only where
            // an operation requires them.
            builder.endpointOverride(settings.endpoint()).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        this.client = builder.build();
    }

    @Override
    public void put(String name, Path file, ObjectKind kind) {
        put(name, RequestBody.fromFile(file), kind);
    }

    @Override
    public void put(String name, String text, ObjectKind kind) {
        put(name, RequestBody.fromString(text, StandardCharsets.UTF_8), kind);
    }

    private void put(String name, RequestBody body, ObjectKind kind) {
        String key = settings.key(name);
        try {
            client.putObject(r -> r.bucket(settings.bucket()).key(key)
                    .contentType(kind.contentType()).cacheControl(kind.cacheControl()), body);
        } catch (SdkException e) {
            throw new BucketException("cannot put s3://" + settings.bucket() + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String name) {
        String key = settings.key(name);
        try {
            client.deleteObject(r -> r.bucket(settings.bucket()).key(key));
        } catch (SdkException e) {
            throw new BucketException("cannot delete s3://" + settings.bucket() + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
        if (ownedCredentials != null) {
            ownedCredentials.close();
        }
    }

    @Override
    public String toString() {
        return settings.location();
    }
}
