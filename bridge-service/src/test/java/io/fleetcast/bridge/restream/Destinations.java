package io.fleetcast.bridge.restream;

import io.fleetcast.media.log.FfmpegLog;
import io.fleetcast.media.retry.Backoff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** Destinations for tests: loopback ports, quick backoff and timeouts, FFmpeg's log in the test log. */
final class Destinations {
    static final Backoff QUICK = new Backoff(Duration.ofMillis(100), Duration.ofMillis(800));

    private Destinations() {
    }

    /**
     * Routes FFmpeg's log into the test log and makes it the process's one (FFmpeg has a single
     * log callback: the newest instance gets the messages, so each test class installs its own
     * and never closes it, which would silence FFmpeg for the classes after it).
     */
    static FfmpegLog installFfmpegLog(System.Logger.Level level) {
        return new FfmpegLog(System.getLogger("ffmpeg"), level);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RestreamSettings rtmp(String name, int port, String key, String rung) {
        return RestreamSettings.of(name, "rtmp://127.0.0.1:" + port + "/live", key, rung, QUICK,
                Duration.ofSeconds(2), Duration.ofSeconds(2), null);
    }

    static String receiverUrl(int port, String key) {
        return "rtmp://127.0.0.1:" + port + "/live/" + key;
    }

    /** A loaded machine may need more than the planned seconds for three refusals: plays on (up to 10 s) until given up. */
    static void playUntilFailed(TestBroadcast broadcast, RestreamOutput output) throws InterruptedException {
        for (int second = 0; second < 10 && output.status().state() != RestreamState.FAILED; second++) {
            broadcast.play(java.util.List.of(output), 1, 2, ignored -> { });
        }
    }
}
