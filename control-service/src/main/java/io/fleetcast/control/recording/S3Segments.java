package io.fleetcast.control.recording;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Segments in an S3 bucket (or MinIO, with an endpoint: path-style addressing). Players get
 * presigned GET URLs that stop working after their lifetime, or plain CDN URLs when a CDN
 * fronts the bucket. Presigning is local computation: no request per segment.
 */
final class S3Segments implements SegmentStore {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int DELETE_BATCH = 1000;

    private final String bucket;
    private final Optional<URI> cdn;
    private final S3Client client;
    private final S3Presigner presigner;

    S3Segments(RecordingSettings settings) {
        this.bucket = settings.bucket().orElseThrow();
        this.cdn = settings.cdnUrl();
        AwsCredentialsProvider credentials = settings.accessKey()
                .<AwsCredentialsProvider>map(key -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key, settings.secretKey().orElseThrow())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        S3ClientBuilder builder = S3Client.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(TIMEOUT).socketTimeout(TIMEOUT))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .apiCallTimeout(TIMEOUT.multipliedBy(2)));
        S3Presigner.Builder signer = S3Presigner.builder().region(Region.of(settings.region()))
                .credentialsProvider(credentials);
        settings.endpoint().ifPresent(endpoint -> {
            // S3-compatible stores are addressed path-style and get checksums only where required.
            builder.endpointOverride(endpoint).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            signer.endpointOverride(settings.publicEndpoint().orElse(endpoint))
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        });
        this.client = builder.build();
        this.presigner = signer.build();
    }

    @Override
    public URI playbackUrl(String key, Duration lifetime) {
        if (cdn.isPresent()) {
            String base = cdn.get().toString();
            return URI.create((base.endsWith("/") ? base : base + "/") + key);
        }
        return URI.create(presigner.presignGetObject(request -> request.signatureDuration(lifetime)
                .getObjectRequest(get -> get.bucket(bucket).key(key))).url().toString());
    }

    @Override
    public void delete(List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            DeleteObjectsResponse response = client.deleteObjects(request -> request.bucket(bucket)
                    .delete(d -> d.objects(batch).quiet(true)));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                var error = response.errors().getFirst();
                throw new IllegalStateException("deleting " + response.errors().size() + " recording objects from "
                        + bucket + " failed, first " + error.key() + ": " + error.code() + " " + error.message());
            }
        }
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }
}
