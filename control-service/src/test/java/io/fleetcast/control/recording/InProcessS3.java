package io.fleetcast.control.recording;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** A real S3 API (s3proxy over an in-memory blob store, SigV4 with the test's keys) on a free port. */
final class InProcessS3 implements AutoCloseable {
    static final String ACCESS_KEY = "fleetcast-recordings-test";
    static final String SECRET_KEY = "s3cr3t-of-the-recordings-test";
    static final String BUCKET = "fleetcast-recordings";

    /** s3proxy and its Jetty log every start and stop at INFO; held so the setting stays. */
    private static final Logger S3PROXY_LOG = quiet("org.gaul");

    private final BlobStore blobs = new TransientNio2BlobStore();
    private final S3Proxy proxy;
    private final int port;

    InProcessS3() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        blobs.createContainer(BUCKET);
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

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The control service's settings for this bucket. */
    Map<String, String> settings() {
        return Map.of("RECORDINGS_S3_BUCKET", BUCKET, "RECORDINGS_S3_ENDPOINT", endpoint().toString(),
                "RECORDINGS_S3_ACCESS_KEY", ACCESS_KEY, "RECORDINGS_S3_SECRET_KEY", SECRET_KEY);
    }

    /** What hls_sync.sh needs to upload here with the AWS CLI. */
    Map<String, String> uploaderEnv() {
        return Map.of("S3_BUCKET", BUCKET, "S3_ENDPOINT", endpoint().toString(), "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_DEFAULT_REGION", "us-east-1", "SYNC_TOOL", "aws");
    }

    /** Looks into the blob store directly, past the S3 API. */
    boolean exists(String key) {
        return blobs.blobExists(BUCKET, key);
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        blobs.close();
    }
}
