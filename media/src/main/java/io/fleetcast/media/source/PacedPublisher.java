package io.fleetcast.media.source;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;

import io.fleetcast.media.Packet;
import io.fleetcast.media.format.InputMedia;
import io.fleetcast.media.format.OutputMedia;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pushes a media file to a URL in real time, the way a camera or a robot publishes: the
 * packets are copied (no re-encoding) and each is sent when the wall clock reaches its
 * timestamp. Used as a live source for tests and the benchmark.
 */
public final class PacedPublisher implements AutoCloseable {
    private static final org.bytedeco.ffmpeg.avutil.AVRational MICROS =
            org.bytedeco.ffmpeg.global.avutil.av_make_q(1, 1_000_000);

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong startedNanos = new java.util.concurrent.atomic.AtomicLong();

    /** {@link System#nanoTime()} when the first packet went out (0 before): the live source's start. */
    public long startedNanos() {
        return startedNanos.get();
    }

    /**
     * Publishes {@code file} to {@code url} in {@code format} for at most {@code maxSeconds} of
     * content, blocking until done or {@link #close()}d. {@code ioOptions} go to the protocol
     * (e.g. {@code listen=1} to serve one client on a TCP port).
     *
     * @return the seconds of content sent
     */
    public double publish(String file, String format, String url, Map<String, String> ioOptions, double maxSeconds) {
        try (InputMedia input = new InputMedia(file, Map.of(), stopped::get);
             OutputMedia output = new OutputMedia(format, url, ioOptions);
             Packet packet = new Packet()) {
            int streams = input.av().nb_streams();
            for (int i = 0; i < streams; i++) {
                output.addStream(input.stream(i).codecpar(), io.fleetcast.media.Rational.of(input.stream(i).time_base()));
            }
            output.begin(Map.of());
            long start = System.nanoTime();
            startedNanos.set(start);
            long firstMicros = AV_NOPTS_VALUE;
            double sent = 0;
            while (!stopped.get() && input.read(packet)) {
                int index = packet.av().stream_index();
                var inBase = input.stream(index).time_base();
                long dts = packet.av().dts() != AV_NOPTS_VALUE ? packet.av().dts() : packet.av().pts();
                long micros = av_rescale_q(dts, inBase, MICROS);
                if (firstMicros == AV_NOPTS_VALUE) {
                    firstMicros = micros;
                }
                sent = (micros - firstMicros) / 1e6;
                if (sent > maxSeconds) {
                    packet.unref();
                    break;
                }
                sleepUntil(start + (micros - firstMicros) * 1000);
                av_packet_rescale_ts(packet.av(), inBase, output.av().streams(index).time_base());
                output.write(packet);
            }
            return sent;
        }
    }

    private void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped.set(true);
            }
        }
    }

    @Override
    public void close() {
        stopped.set(true);
    }
}
