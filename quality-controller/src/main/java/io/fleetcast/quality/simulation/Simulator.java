package io.fleetcast.quality.simulation;

import io.fleetcast.quality.Algorithm;
import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityController;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.trace.Trace;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Replays a trace millisecond by millisecond: the encoder fills the send queue at the
 * controller's target, the trace's capacity drains it, stale data is dropped per the
 * {@link LinkModel}, and every sample interval the controller sees what a real sender
 * sees. The controller runs behind the same {@link QualityController} the observer uses,
 * so the encoder is only reconfigured when a listener would be told.
 */
public final class Simulator {

    private static final int DELAY_HISTOGRAM_MS = 10_000;

    private final LinkModel model;

    public Simulator(LinkModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public LinkModel model() {
        return model;
    }

    public Report run(Trace trace, Algorithm<?> algorithm) {
        return run(trace, algorithm, trace.durationMs(), row -> { });
    }

    public Report run(Trace trace, Algorithm<?> algorithm, long durationMs, Consumer<TimelineRow> timeline) {
        if (durationMs <= 0) {
            throw new IllegalArgumentException("durationMs must be > 0, got " + durationMs);
        }
        QualityController controller = new QualityController(algorithm, 0, Limits.NONE);
        Decision first = controller.current();
        Encoder encoder = new Encoder(model, first.state(), first.bitrateBps());
        SendQueue queue = new SendQueue();
        int[] switches = {0};
        controller.addListener((previous, current) -> {
            encoder.configure(current.state(), current.bitrateBps());
            if (previous.state() != current.state()) {
                switches[0]++;
            }
        });

        long[] delayHistogram = new long[DELAY_HISTOGRAM_MS + 1];
        Map<QualityState, Long> stateMs = new EnumMap<>(QualityState.class);
        long encodedBytes = 0;
        long lateMs = 0;
        double intervalAcked = 0;
        Second second = new Second();

        for (long t = 0; t < durationMs; t++) {
            Frame frame = encoder.poll(t);
            if (frame != null) {
                queue.add(frame);
                encodedBytes += frame.bytes;
            }
            long droppedBefore = queue.droppedBytes();
            if (model.drops() && queue.dropStale(t, model.dropAfterMs())) {
                encoder.requestKeyframe();
            }
            double capacity = trace.bytesAt(t);
            double acked = queue.deliver(capacity);
            intervalAcked += acked;

            long age = queue.headAgeMs(t);
            delayHistogram[(int) Math.min(age, DELAY_HISTOGRAM_MS)]++;
            if (age > LinkModel.LATE_MS) {
                lateMs++;
            }
            Decision inForce = controller.current();
            stateMs.merge(inForce.state(), 1L, Long::sum);
            second.add(capacity, acked, age, queue.droppedBytes() - droppedBefore);

            long now = t + 1;
            if (now % model.sampleIntervalMs() == 0) {
                controller.onSample(new Sample(now, intervalAcked * 1000.0 / model.sampleIntervalMs(),
                        queue.queuedBytes(), model.baseRttMs() + age, 0));
                intervalAcked = 0;
            }
            if (now % 1000 == 0 || now == durationMs) {
                timeline.accept(second.row(now, controller.current(), queue.queuedBytes()));
                second = new Second();
            }
        }

        Map<QualityState, Double> stateShare = new EnumMap<>(QualityState.class);
        stateMs.forEach((s, ms) -> stateShare.put(s, ms / (double) durationMs));
        return new Report(trace.name(), trace.kind(), algorithm.name(), durationMs,
                Oracle.meanBps(trace, durationMs),
                queue.deliveredBytes() * 8000.0 / durationMs,
                lateMs / (double) durationMs,
                switches[0],
                encodedBytes == 0 ? 0 : queue.droppedBytes() / (double) encodedBytes,
                percentile(delayHistogram, durationMs, 0.95),
                stateShare);
    }

    private static long percentile(long[] histogram, long total, double p) {
        long rank = (long) Math.ceil(total * p);
        long seen = 0;
        for (int ms = 0; ms < histogram.length; ms++) {
            seen += histogram[ms];
            if (seen >= rank) {
                return ms;
            }
        }
        return histogram.length - 1;
    }

    /** Accumulates one second of timeline. */
    private static final class Second {
        private double capacityBytes;
        private double ackedBytes;
        private long maxDelayMs;
        private long droppedBytes;
        private long ms;

        void add(double capacity, double acked, long delayMs, long dropped) {
            capacityBytes += capacity;
            ackedBytes += acked;
            maxDelayMs = Math.max(maxDelayMs, delayMs);
            droppedBytes += dropped;
            ms++;
        }

        TimelineRow row(long now, Decision decision, long queueBytes) {
            double toKbps = 8.0 / ms;
            return new TimelineRow((now - 1) / 1000, capacityBytes * toKbps, decision.state(),
                    decision.bitrateBps() / 1000.0, ackedBytes * toKbps, maxDelayMs, queueBytes, droppedBytes);
        }
    }
}
