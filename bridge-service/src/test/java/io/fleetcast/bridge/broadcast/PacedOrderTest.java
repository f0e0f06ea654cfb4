package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;

import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.bridge.ladder.RungPlan;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A paced output behind its worker, fed like the ladder feeds it: the top rung's encoder lags
 * and hiccups while a cheaper stream's packets, with later timestamps, arrive first.
 */
class PacedOrderTest {
    private static final long FRAME_MS = 33;
    private static final Rational MILLIS = new Rational(1, 1000);

    private record Write(int stream, long dts) { }

    /** Paced 500 ms behind the encoders (the restream's default); takes the streams named. */
    private static final class PacedOutput implements Output {
        private final List<Write> writes = new CopyOnWriteArrayList<>();
        private final List<Integer> taken;

        PacedOutput(List<Integer> taken) {
            this.taken = taken;
        }

        @Override
        public List<StreamDescription> takes(List<StreamDescription> streams) {
            return streams.stream().filter(s -> taken.contains(s.index())).toList();
        }

        @Override
        public Duration pace() {
            return Duration.ofMillis(500);
        }

        @Override
        public void begin(List<StreamDescription> streams, boolean discontinuity) {
        }

        @Override
        public void write(StreamDescription stream, Packet packet) {
            writes.add(new Write(stream.index(), packet.av().dts()));
        }

        @Override
        public void end() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * In arrival order the top rung's held pictures would go after the other stream's later
     * ones (each picture waiting for a later packet's time: the gap the destination saw); in
     * timestamp order each goes at its own time. Order, not wall-clock spacing, is asserted:
     * a loaded machine delays threads but does not reorder what was queued.
     */
    @Test
    void aLaggingRungIsSentInTimestampOrderInsteadOfBehindLaterPacketsOfAnotherStream() throws Exception {
        PacedOutput output = new PacedOutput(List.of(0, 1));
        feed(output);
        assertThat(output.writes).hasSize(180);
        assertThat(output.writes.stream().map(Write::dts).toList()).as("timestamps in the order written").isSorted();
    }

    @Test
    void packetsOfAStreamTheOutputDoesNotTakeNeverReachIt() throws Exception {
        PacedOutput output = new PacedOutput(List.of(0));
        feed(output);
        assertThat(output.writes).hasSize(90).allSatisfy(w -> assertThat(w.stream()).isZero());
        assertThat(output.writes.stream().map(Write::dts).toList()).isSorted();
    }

    /**
     * Three seconds at 30 fps: stream 1 arrives on time; stream 0 (the top rung) 100 ms later,
     * and from picture 40 its encoder stalls for 300 ms and then delivers the held pictures at once.
     */
    private static void feed(PacedOutput output) throws Exception {
        List<RungPlan> rungs = new Ladder(Rung.parseAll("720p:2500k,360p:800k"), 0)
                .plan(1280, 720, new Rational(1, 1), new Rational(30, 1));
        List<StreamDescription> streams = List.of(new StreamDescription(0, rungs.get(0), null, MILLIS),
                new StreamDescription(1, rungs.get(1), null, MILLIS));
        List<long[]> schedule = new ArrayList<>(); // {arrival ms, stream, dts ms}
        for (int i = 0; i < 90; i++) {
            long dts = i * FRAME_MS;
            schedule.add(new long[] {dts, 1, dts});
            long late = i >= 40 && i < 48 ? 48 * FRAME_MS + 100 : dts + 100;
            schedule.add(new long[] {late, 0, dts});
        }
        schedule.sort((a, b) -> Long.compare(a[0], b[0]));
        try (OutputWorker worker = new OutputWorker(output, 4, true)) {
            worker.begin(streams, false);
            long start = System.nanoTime();
            for (long[] item : schedule) {
                LockSupport.parkNanos(start + item[0] * 1_000_000 - System.nanoTime());
                try (Packet packet = new Packet()) {
                    av_new_packet(packet.av(), 1000);
                    packet.av().dts(item[2]).pts(item[2]).flags(item[2] == 0 ? 1 : 0);
                    worker.write(streams.get((int) item[1]), packet);
                }
            }
            worker.end().get();
        }
    }
}
