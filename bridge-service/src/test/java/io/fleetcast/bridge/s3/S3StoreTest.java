package io.fleetcast.bridge.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.hls.MediaPlaylist;
import io.fleetcast.bridge.hls.SegmentEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3StoreTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private final MemoryBucket memory = new MemoryBucket();
    private final CheckingBucket bucket = new CheckingBucket(memory, memory::contains);

    /** One rung as RungSegmenter feeds a store: the segment, then its playlist. */
    private final class Rung {
        private final String name;
        private final S3Store store;
        private final MediaPlaylist playlist;
        private long sequence;

        Rung(String name, S3Store store, int window) {
            this.name = name;
            this.store = store;
            this.playlist = new MediaPlaylist(2.0, window);
        }

        void segments(int count) throws IOException {
            for (int i = 0; i < count; i++) {
                String uri = "seg_" + sequence + ".ts";
                Path file = Files.writeString(dir.resolve(name + "-" + sequence + ".ts"), name + " " + uri);
                store.putSegment(name + "/" + uri, file);
                playlist.add(new SegmentEntry(sequence++, uri, 2.0, false));
                store.putMediaPlaylist(playlist(), playlist.snapshot());
            }
        }

        /** Segments as they come live: each once the store has dealt with the one before. */
        void live(int count) throws Exception {
            for (int i = 0; i < count; i++) {
                segments(1);
                assertThat(store.awaitIdle(WAIT)).isTrue();
            }
        }

        void end() {
            playlist.end();
            store.putMediaPlaylist(playlist(), playlist.snapshot());
        }

        String playlist() {
            return name + "/index.m3u8";
        }

        String text() {
            return playlist.text();
        }
    }

    private S3Store store(boolean deleteOld, Duration deleteDelay, int spool) {
        return new S3Store(bucket, dir.resolve("spool"),
                new S3Settings("hls", "", null, "us-east-1", deleteOld, deleteDelay, spool), Duration.ofSeconds(1));
    }

    @Test
    void putsEverySegmentBeforeThePlaylistThatListsItAndServesTheLocalPlaylistsWhenNothingIsLost() throws Exception {
        try (S3Store store = store(false, Duration.ZERO, 10)) {
            Rung high = new Rung("720p", store, 3);
            Rung low = new Rung("360p", store, 3);
            for (int i = 0; i < 5; i++) {
                high.live(1);
                low.live(1);
            }
            high.end();
            low.end();
            assertThat(store.awaitIdle(WAIT)).isTrue();
            assertThat(memory.text("720p/index.m3u8")).isEqualTo(high.text());
            assertThat(memory.text("360p/index.m3u8")).isEqualTo(low.text()).endsWith("#EXT-X-ENDLIST\n");
            assertThat(memory.get("720p/seg_4.ts").kind()).isEqualTo(ObjectKind.SEGMENT);
            assertThat(memory.get("720p/index.m3u8").kind()).isEqualTo(ObjectKind.PLAYLIST);
            assertThat(store.stats()).extracting(S3Stats::received, S3Stats::uploaded, S3Stats::skipped)
                    .containsExactly(10L, 10L, 0L);
        }
        assertThat(bucket.published()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(bucket.violations()).isEmpty();
        try (Stream<Path> spooled = Files.list(dir.resolve("spool"))) {
            assertThat(spooled).as("spool after close").isEmpty();
        }
    }

    @Test
    void skipsTheOldestWaitingSegmentsWhenTheSpoolIsFullAndListsTheRestAfterADiscontinuity() throws Exception {
        try (S3Store store = store(false, Duration.ZERO, 3)) {
            Rung rung = new Rung("720p", store, 0);
            rung.segments(2);
            assertThat(store.awaitIdle(WAIT)).isTrue();
            memory.down(true);
            rung.segments(1);
            while (memory.failures() == 0) {
                Thread.sleep(5);
            }
            // seg_2 is being retried; seg_3..7 wait in a spool of three: seg_3 and seg_4 are skipped.
            rung.segments(5);
            assertThat(store.stats().skipped()).isEqualTo(2);
            assertThat(store.stats().spooled()).isEqualTo(3);
            memory.down(false);
            assertThat(store.awaitIdle(WAIT)).isTrue();
            String text = memory.text("720p/index.m3u8");
            assertThat(Playlists.uris(text)).containsExactly("seg_0.ts", "seg_1.ts", "seg_2.ts", "seg_5.ts", "seg_6.ts",
                    "seg_7.ts");
            assertThat(Playlists.afterDiscontinuity(text)).containsExactly("seg_5.ts");
            assertThat(memory.contains("720p/seg_3.ts")).isFalse();
            assertThat(store.stats()).extracting(S3Stats::received, S3Stats::uploaded, S3Stats::skipped)
                    .containsExactly(8L, 6L, 2L);
            assertThat(store.stats().failedAttempts()).isEqualTo(memory.failures()).isPositive();
        }
        assertThat(bucket.violations()).isEmpty();
    }

    @Test
    void givesUpOnSegmentsThatLeftTheLiveWindowWhileS3WasDown() throws Exception {
        try (S3Store store = store(false, Duration.ZERO, 100)) {
            Rung rung = new Rung("720p", store, 2);
            rung.segments(2);
            assertThat(store.awaitIdle(WAIT)).isTrue();
            memory.down(true);
            rung.segments(1);
            while (memory.failures() == 0) {
                Thread.sleep(5);
            }
            // seg_2 is being retried while seg_3..7 come: the window moves on to seg_6 and seg_7.
            rung.segments(5);
            memory.down(false);
            assertThat(store.awaitIdle(WAIT)).isTrue();
            String text = memory.text("720p/index.m3u8");
            assertThat(Playlists.uris(text)).containsExactly("seg_6.ts", "seg_7.ts");
            assertThat(memory.contains("720p/seg_2.ts")).as("left the window before S3 came back").isFalse();
            assertThat(store.stats().skipped()).isEqualTo(4);
            // Numbered on from seg_1 (1): seg_6 follows as 2, after a discontinuity.
            assertThat(Playlists.mediaSequence(text)).isEqualTo(2);
            assertThat(Playlists.afterDiscontinuity(text)).containsExactly("seg_6.ts");
        }
        assertThat(bucket.violations()).isEmpty();
    }

    @Test
    void deletesSegmentsThatLeftTheBucketsPlaylistOnlyAfterTheDelay() throws Exception {
        try (S3Store store = store(true, Duration.ofMillis(1500), 10)) {
            new Rung("720p", store, 2).live(5);
            assertThat(memory.contains("720p/seg_0.ts")).as("still there for players that fetch it late").isTrue();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (store.stats().deleted() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(memory.count(".ts")).isEqualTo(2);
            assertThat(memory.contains("720p/seg_3.ts")).isTrue();
            assertThat(memory.contains("720p/seg_4.ts")).isTrue();
        }
    }

    @Test
    void leavesOldSegmentsToTheBucketsLifecycleRuleWhenDeleteOldIsOff() throws Exception {
        try (S3Store store = store(false, Duration.ZERO, 10)) {
            new Rung("720p", store, 2).live(5);
            Thread.sleep(200);
            assertThat(memory.count(".ts")).isEqualTo(5);
            assertThat(store.stats().deleted()).isZero();
        }
    }

    @Test
    void neverMakesTheHlsSideWaitWhileTheBucketHangs() throws Exception {
        memory.hang();
        try (S3Store store = store(false, Duration.ZERO, 4)) {
            Rung rung = new Rung("720p", store, 3);
            rung.segments(1);
            while (memory.hanging() == 0) {
                Thread.sleep(5);
            }
            // seg_0 is stuck in the bucket; 19 more come, four may wait: seg_1..15 are skipped.
            List<Long> micros = new ArrayList<>();
            for (int i = 1; i < 20; i++) {
                long start = System.nanoTime();
                rung.segments(1);
                micros.add((System.nanoTime() - start) / 1000);
            }
            assertThat(micros).as("microseconds per segment and playlist")
                    .allSatisfy(m -> assertThat(m).isLessThan(200_000));
            try (Stream<Path> spooled = Files.list(dir.resolve("spool"))) {
                assertThat(spooled.count()).as("the one being put plus the spool").isLessThanOrEqualTo(5);
            }
            assertThat(store.stats().skipped()).isEqualTo(15);
            memory.release();
            assertThat(store.awaitIdle(WAIT)).isTrue();
            assertThat(Playlists.uris(memory.text("720p/index.m3u8")))
                    .containsExactly("seg_17.ts", "seg_18.ts", "seg_19.ts");
            // seg_16 had left the live window by the time the bucket answered again.
            assertThat(store.stats()).extracting(S3Stats::uploaded, S3Stats::skipped).containsExactly(4L, 16L);
        }
        assertThat(bucket.violations()).isEmpty();
    }

    @Test
    void putsTheMasterOnlyOnceEveryPlaylistItNamesIsInTheBucket() throws Exception {
        try (S3Store store = store(false, Duration.ZERO, 10)) {
            Rung high = new Rung("720p", store, 3);
            Rung low = new Rung("360p", store, 3);
            store.putPlaylist("master.m3u8", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n720p/index.m3u8\n"
                    + "#EXT-X-STREAM-INF:BANDWIDTH=2\n360p/index.m3u8\n");
            high.segments(1);
            assertThat(store.awaitIdle(WAIT)).isTrue();
            assertThat(memory.contains("master.m3u8")).isFalse();
            low.segments(1);
            assertThat(store.awaitIdle(WAIT)).isTrue();
            assertThat(memory.contains("master.m3u8")).isTrue();
            assertThat(memory.get("master.m3u8").kind()).isEqualTo(ObjectKind.PLAYLIST);
        }
        assertThat(bucket.violations()).isEmpty();
    }

    @Test
    void closingWithTheBucketDownGivesUpAfterTheDrainTimeAndEmptiesTheSpool() throws Exception {
        S3Store store = store(false, Duration.ZERO, 10);
        memory.down(true);
        new Rung("720p", store, 3).segments(4);
        long start = System.nanoTime();
        store.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(store.stats()).extracting(S3Stats::uploaded, S3Stats::skipped).containsExactly(0L, 4L);
        try (Stream<Path> spooled = Files.list(dir.resolve("spool"))) {
            assertThat(spooled).isEmpty();
        }
    }
}
