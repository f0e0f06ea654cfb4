package io.fleetcast.bridge.s3;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A bucket that checks every playlist the moment it was put: each name it lists must already
 * be in the bucket (asked of the server's storage, not of our code), and a media playlist must
 * give each segment the same sequence number as every earlier version did. Keeps what was
 * published, in order.
 */
final class CheckingBucket implements Bucket {
    record Published(String name, String text) {
    }

    private final Bucket bucket;
    private final Predicate<String> inBucket;
    private final List<Published> published = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Long> numbers = new HashMap<>();
    private int segments;

    CheckingBucket(Bucket bucket, Predicate<String> inBucket) {
        this.bucket = bucket;
        this.inBucket = inBucket;
    }

    @Override
    public void put(String name, Path file, ObjectKind kind) {
        bucket.put(name, file, kind);
        synchronized (this) {
            segments++;
        }
    }

    @Override
    public void put(String name, String text, ObjectKind kind) {
        bucket.put(name, text, kind);
        String folder = UploadQueue.folder(name);
        List<String> uris = Playlists.uris(text);
        synchronized (this) {
            published.add(new Published(name, text));
            long number = Playlists.mediaSequence(text);
            for (String uri : uris) {
                if (!inBucket.test(folder + uri)) {
                    violations.add(name + " names " + uri + " which is not in the bucket:\n" + text);
                }
                if (number >= 0) {
                    Long before = numbers.putIfAbsent(folder + uri, number);
                    if (before != null && before != number) {
                        violations.add(name + " renumbers " + uri + " from " + before + " to " + number);
                    }
                    number++;
                }
            }
        }
    }

    @Override
    public void delete(String name) {
        bucket.delete(name);
    }

    synchronized List<Published> published() {
        return List.copyOf(published);
    }

    synchronized List<Published> published(String name) {
        return published.stream().filter(p -> p.name().equals(name)).toList();
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized int segments() {
        return segments;
    }

    @Override
    public void close() {
        bucket.close();
    }

    @Override
    public String toString() {
        return bucket.toString();
    }
}
