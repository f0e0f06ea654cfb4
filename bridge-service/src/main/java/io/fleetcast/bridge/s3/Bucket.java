package io.fleetcast.bridge.s3;

import java.nio.file.Path;

/**
 * What the uploader needs of a bucket. Names are HLS names ({@code 720p/seg_3.ts}); the bucket
 * adds its prefix. Each call either succeeds or throws {@link BucketException}; retrying is the
 * caller's business.
 */
public interface Bucket extends AutoCloseable {
    void put(String name, Path file, ObjectKind kind);

    void put(String name, String text, ObjectKind kind);

    void delete(String name);

    @Override
    void close();
}
