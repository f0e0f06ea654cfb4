package io.fleetcast.bridge.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.fleetcast.bridge.broadcast.Output;
import io.fleetcast.bridge.broadcast.Pipeline;
import io.fleetcast.bridge.broadcast.RunSettings;
import io.fleetcast.bridge.broadcast.SlateSettings;
import io.fleetcast.bridge.encoder.EncoderOptions;
import io.fleetcast.bridge.gpu.VideoPath;
import io.fleetcast.bridge.hls.HlsOutput;
import io.fleetcast.bridge.hls.HlsSettings;
import io.fleetcast.bridge.hls.LocalDirectory;
import io.fleetcast.bridge.ingest.InputSettings;
import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.media.Packet;
import io.fleetcast.media.format.InputMedia;
import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pipeline with three HLS outputs: a local directory, and two S3 outputs into s3proxy
 * (one with room to wait out an outage, one whose spool holds two segments), while the S3
 * server is stopped for 10 s in the middle of a live broadcast.
 */
class HlsToS3Test {
    private static final String BUCKET = "hls";
    private static final String[] RUNGS = {"360p", "240p"};

    @Test
    void s3StoppedForTenSecondsCostsNoLocalSegmentBlocksNoOutputAndTheBucketCatchesUpListingOnlyWhatItHolds(
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 26, true, 1_500_000, "ultrafast").writeTo(file);
        String url = "tcp://127.0.0.1:" + freePort();
        Path hls = dir.resolve("hls");
        LocalDirectory local = new LocalDirectory(hls);
        ExecutorService camera = Executors.newSingleThreadExecutor();
        try (InProcessS3 s3 = new InProcessS3()) {
            s3.createPublicBucket(BUCKET);
            S3Settings roomySettings = s3.settings(BUCKET, "roomy", true, Duration.ofSeconds(1), 100);
            S3Settings tightSettings = s3.settings(BUCKET, "tight", true, Duration.ofSeconds(1), 2);
            CheckingBucket roomyBucket = checked(s3, roomySettings);
            CheckingBucket tightBucket = checked(s3, tightSettings);
            int checkedBeforeOutage;
            List<Double> localUpdates;
            double catchUpSeconds;
            try (S3Store roomy = new S3Store(roomyBucket, dir.resolve("roomy-spool"), roomySettings);
                 S3Store tight = new S3Store(tightBucket, dir.resolve("tight-spool"), tightSettings)) {
                try (Pipeline pipeline = new Pipeline(input(url), run(),
                        new SlateSettings(SlateSettings.DEFAULT_AFTER, null),
                        List.<Output>of(new HlsOutput(local, hls.resolve(".staging"), new HlsSettings(2.0, 0)),
                                new HlsOutput(roomy, dir.resolve("roomy-staging"), new HlsSettings(2.0, 0)),
                                new HlsOutput(tight, dir.resolve("tight-staging"), new HlsSettings(2.0, 3))),
                        null, null, VideoPath.inMemory("libx264", "test"), Duration.ofSeconds(60))) {
                    Future<Double> publishing = camera.submit(() -> publish(file, url));
                    pipeline.start();
                    assertThat(waitFor(() -> !roomyBucket.published(HlsOutput.MASTER).isEmpty()
                            && !tightBucket.published(HlsOutput.MASTER).isEmpty()
                            && localSegments(hls, "360p").size() >= 3, Duration.ofSeconds(30)))
                            .as("S3 running").isTrue();
                    s3.stop();
                    checkedBeforeOutage = roomyBucket.published().size();
                    localUpdates = watch(hls.resolve("360p/index.m3u8"), Duration.ofSeconds(10));
                    s3.start();
                    long restarted = System.nanoTime();
                    assertThat(waitFor(() -> caughtUp(roomyBucket, hls), Duration.ofSeconds(12)))
                            .as("the roomy bucket serves the newest local segment again").isTrue();
                    catchUpSeconds = (System.nanoTime() - restarted) / 1e9;
                    assertThat(publishing.get(60, TimeUnit.SECONDS)).isGreaterThan(20);
                    assertThat(pipeline.metrics().outputDrops()).as("packets each output lost").hasSize(3)
                            .allSatisfy((output, drops) -> assertThat(drops).as(output).isZero());
                    var outputs = pipeline.metrics().outputs();
                    assertThat(outputs.get(0).counts()).as("a local directory counts nothing of its own").isEmpty();
                    assertThat(outputs.get(1).counts().get("failedAttempts")).as("the health figures show the outage")
                            .isPositive();
                    assertThat(outputs.get(1).counts()).containsKeys("segmentsUploaded", "segmentsSkipped");
                }
                assertThat(roomy.awaitIdle(Duration.ofSeconds(10))).isTrue();
                assertThat(tight.awaitIdle(Duration.ofSeconds(10))).isTrue();
                S3Stats roomyStats = roomy.stats();
                S3Stats tightStats = tight.stats();
                assertThat(roomyStats.skipped()).as("roomy " + roomyStats).isZero();
                assertThat(roomyStats.uploaded()).as("roomy " + roomyStats).isEqualTo(roomyStats.received());
                assertThat(roomyStats.failedAttempts()).as("roomy " + roomyStats).isPositive();
                assertThat(tightStats.skipped()).as("tight " + tightStats).isPositive();
                assertThat(tightStats.uploaded() + tightStats.skipped()).as("tight " + tightStats)
                        .isEqualTo(tightStats.received());
                assertThat(tightStats.deleted()).as("tight " + tightStats).isPositive();
            } finally {
                camera.shutdownNow();
            }
            assertThat(catchUpSeconds).as("seconds from restart to caught up").isLessThan(12);
            assertThat(localUpdates).as("local playlist updates during the outage").hasSizeGreaterThanOrEqualTo(4);
            for (int i = 1; i < localUpdates.size(); i++) {
                assertThat(localUpdates.get(i) - localUpdates.get(i - 1)).as("gap in " + localUpdates).isLessThan(3.0);
            }
            for (String rung : RUNGS) {
                List<String> segments = localSegments(hls, rung);
                assertThat(segments).as("local " + rung).hasSizeGreaterThanOrEqualTo(11)
                        .isEqualTo(IntStream.range(0, segments.size()).mapToObj(i -> "seg_" + i + ".ts").toList())
                        .allSatisfy(uri -> assertThat(hls.resolve(rung).resolve(uri)).exists());
                assertThat(Files.readString(hls.resolve(rung + "/index.m3u8"))).doesNotContain("#EXT-X-DISCONTINUITY");
                // Nothing was skipped for the roomy bucket: it serves what the local directory serves.
                assertThat(new String(s3.get(BUCKET, "roomy/" + rung + "/index.m3u8").body()))
                        .isEqualTo(Files.readString(hls.resolve(rung + "/index.m3u8")));
            }
            assertThat(roomyBucket.violations()).isEmpty();
            assertThat(tightBucket.violations()).isEmpty();
            assertThat(roomyBucket.published().size()).as("playlists checked after the outage")
                    .isGreaterThan(checkedBeforeOutage);
            assertThat(tightBucket.published()).as("the tight bucket marks where segments are missing")
                    .anySatisfy(p -> assertThat(Playlists.afterDiscontinuity(p.text())).isNotEmpty());
            var master = s3.get(BUCKET, "roomy/master.m3u8");
            assertThat(master.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
            assertThat(master.headers().firstValue("Cache-Control")).hasValue("no-cache");
            var segment = s3.get(BUCKET, "roomy/360p/seg_0.ts");
            assertThat(segment.headers().firstValue("Content-Type")).hasValue("video/mp2t");
            assertThat(segment.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, immutable");
            assertThat(playVideoPackets(s3.endpoint() + "/" + BUCKET + "/roomy/" + HlsOutput.MASTER))
                    .as("pictures FFmpeg reads from the roomy bucket").isGreaterThan(20 * 30);
            assertThat(playVideoPackets(s3.endpoint() + "/" + BUCKET + "/tight/" + HlsOutput.MASTER))
                    .as("pictures FFmpeg reads from the tight bucket's window").isGreaterThan(2 * 30);
        }
    }

    private static CheckingBucket checked(InProcessS3 s3, S3Settings settings) {
        return new CheckingBucket(s3.bucket(settings), name -> s3.exists(settings.bucket(), settings.key(name)));
    }

    /** Whether the bucket's newest 360p playlist ends with the segment the local one ends with. */
    private static boolean caughtUp(CheckingBucket bucket, Path hls) {
        List<CheckingBucket.Published> versions = bucket.published("360p/index.m3u8");
        List<String> localSegments = localSegments(hls, "360p");
        if (versions.isEmpty() || localSegments.isEmpty()) {
            return false;
        }
        List<String> remote = Playlists.uris(versions.get(versions.size() - 1).text());
        return remote.get(remote.size() - 1).equals(localSegments.get(localSegments.size() - 1));
    }

    private static List<String> localSegments(Path hls, String rung) {
        try {
            Path playlist = hls.resolve(rung + "/index.m3u8");
            return Files.exists(playlist) ? Playlists.uris(Files.readString(playlist)) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Seconds (from the start of the watch) at which the playlist changed. */
    private static List<Double> watch(Path playlist, Duration duration) throws Exception {
        List<Double> changes = new ArrayList<>();
        long start = System.nanoTime();
        long last = -1;
        while (System.nanoTime() - start < duration.toNanos()) {
            long size = Files.size(playlist);
            if (size != last) {
                last = size;
                changes.add((System.nanoTime() - start) / 1e9);
            }
            Thread.sleep(20);
        }
        return changes;
    }

    /** Plays the master playlist over HTTP with FFmpeg's HLS demuxer; returns the video packets (none corrupt). */
    private static int playVideoPackets(String url) {
        int video = 0;
        try (InputMedia input = new InputMedia(url, Map.of("rw_timeout", "5000000"), () -> false);
             Packet packet = new Packet()) {
            int stream = input.bestStream(AVMEDIA_TYPE_VIDEO);
            while (input.read(packet)) {
                assertThat(packet.av().flags() & AV_PKT_FLAG_CORRUPT).as("corrupt packet from " + url).isZero();
                video += packet.av().stream_index() == stream ? 1 : 0;
                packet.unref();
            }
        }
        return video;
    }

    private static InputSettings input(String url) {
        return new InputSettings(url, Duration.ofSeconds(5), InputSettings.DEFAULT_PROBE_SIZE,
                InputSettings.DEFAULT_ANALYZE_MICROS, Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    private static RunSettings run() {
        return new RunSettings(new Ladder(Rung.parseAll(String.join(",", "360p:800k", "240p:400k")), 0), "libx264",
                new EncoderOptions("ultrafast", "p4"), 0, 2.0, 128_000, 0, true);
    }

    private static double publish(Path file, String url) {
        try (PacedPublisher publisher = new PacedPublisher()) {
            return publisher.publish(file.toString(), "mpegts", url,
                    Map.of("listen", "1", "listen_timeout", "30000"), 24);
        }
    }

    private static boolean waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
