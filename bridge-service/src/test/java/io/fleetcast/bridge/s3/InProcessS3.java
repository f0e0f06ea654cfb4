package io.fleetcast.bridge.s3;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * A real S3 API (s3proxy over an in-memory blob store) on a free loopback port. Writes must be
 * signed (SigV4) with the test's keys; public-read buckets can be read anonymously, as players
 * read them. It can be stopped and started again on the same port with its objects kept.
 */
final class InProcessS3 implements AutoCloseable {
    static final String ACCESS_KEY = "fleetcast-test";
    static final String SECRET_KEY = "s3cr3t-never-in-a-message";

    /** Objects of a public-read bucket are readable by anyone, as a bucket policy makes them on AWS. */
    private static final class BucketPolicy extends ForwardingBlobStore {
        BucketPolicy(BlobStore blobs) {
            super(blobs);
        }

        @Override
        public ObjectCannedACL getBlobAccess(String container, String name) {
            return getContainerAccess(container) == BucketCannedACL.PUBLIC_READ ? ObjectCannedACL.PUBLIC_READ
                    : super.getBlobAccess(container, name);
        }
    }

    /** s3proxy and its Jetty log every start and stop at INFO; held so the setting stays. */
    private static final java.util.logging.Logger S3PROXY_LOG = quiet("org.gaul");

    private final BlobStore blobs = new BucketPolicy(new TransientNio2BlobStore());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private S3Proxy proxy;

    InProcessS3() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        start();
    }

    /** A bucket that anyone may read (a player fetching the playlists). */
    void createPublicBucket(String name) {
        blobs.createContainer(name);
        blobs.setContainerAccess(name, BucketCannedACL.PUBLIC_READ);
    }

    synchronized void start() throws Exception {
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(endpoint())
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY).stopTimeout(0).build();
        proxy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!proxy.getState().equals("STARTED")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(5);
        }
    }

    synchronized void stop() throws Exception {
        proxy.stop();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Looks into the blob store directly, past the S3 API and our client. */
    boolean exists(String bucket, String key) {
        return blobs.blobExists(bucket, key);
    }

    long objects(String bucket, String prefix) {
        return blobs.list(bucket).contents().stream().filter(o -> o.key().startsWith(prefix)).count();
    }

    /** An anonymous GET, as a player does it. */
    HttpResponse<byte[]> get(String bucket, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/" + bucket + "/" + key))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    S3Settings settings(String bucket, String prefix, boolean deleteOld, Duration deleteDelay, int spoolSegments) {
        return new S3Settings(bucket, prefix, endpoint(), "us-east-1", deleteOld, deleteDelay, spoolSegments);
    }

    S3Bucket bucket(S3Settings settings) {
        return new S3Bucket(settings,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    @Override
    public synchronized void close() throws Exception {
        proxy.stop();
        blobs.close();
    }
}
