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
 * controller's target (frames that do not fit its drop-tail limit are lost), the trace's
 * capacity drains it, stale data is dropped per the {@link LinkModel}, and every sample
 * interval the controller sees what a real sender sees: acked throughput, queued bytes,
 * RTT (base plus the oldest byte's wait) and the loss ratio. The controller runs behind the same {@link QualityController} the observer uses,
 * so the encoder is only reconfigured when a listener would be told.
 */
public final class Simulator {

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
        SendQueue queue = new SendQueue(model.bufferBytes());
        int[] switches = {0};
        controller.addListener((previous, current) -> {
            encoder.configure(current.state(), current.bitrateBps());
            if (previous.state() != current.state()) {
                switches[0]++;
            }
        });

        Map<QualityState, Long> stateMs = new EnumMap<>(QualityState.class);
        long encodedBytes = 0;
        long maxDelayMs = 0;
        double intervalAcked = 0;
        long intervalOffered = 0;
        long intervalLost = 0;
        Second second = new Second();

        for (long t = 0; t < durationMs; t++) {
            Frame frame = encoder.poll(t);
            if (frame != null) {
                encodedBytes += frame.bytes;
                intervalOffered += frame.bytes;
                if (!queue.offer(frame)) {
                    // The next frame would predict from the lost one.
                    encoder.requestKeyframe();
                    intervalLost += frame.bytes;
                }
            }
            long droppedBefore = queue.droppedBytes();
            if (model.drops() && queue.dropStale(t, model.dropAfterMs())) {
                encoder.requestKeyframe();
            }
            double capacity = trace.bytesAt(t);
            double acked = queue.deliver(capacity, t, LinkModel.LATE_MS);
            intervalAcked += acked;

            long age = queue.headAgeMs(t);
            maxDelayMs = Math.max(maxDelayMs, age);
            stateMs.merge(controller.current().state(), 1L, Long::sum);
            second.add(capacity, acked, age, queue.droppedBytes() - droppedBefore);

            long now = t + 1;
            if (now % model.sampleIntervalMs() == 0) {
                double loss = intervalOffered == 0 ? 0 : intervalLost / (double) intervalOffered;
                controller.onSample(new Sample(now, intervalAcked * 1000.0 / model.sampleIntervalMs(),
                        queue.queuedBytes(), model.baseRttMs() + age, loss));
                intervalAcked = 0;
                intervalOffered = 0;
                intervalLost = 0;
            }
            if (now % 1000 == 0 || now == durationMs) {
                timeline.accept(second.row(now, controller.current(), queue.queuedBytes()));
                second = new Second();
            }
        }

        Map<QualityState, Double> stateShare = new EnumMap<>(QualityState.class);
        stateMs.forEach((s, ms) -> stateShare.put(s, ms / (double) durationMs));
        long delivered = queue.deliveredBytes();
        return new Report(trace.name(), trace.kind(), algorithm.name(), durationMs,
                encodedBytes * 8000.0 / durationMs,
                delivered * 8000.0 / durationMs,
                Oracle.meanBps(trace, durationMs),
                delivered == 0 ? 0 : queue.lateBytes() / (double) delivered,
                maxDelayMs,
                switches[0],
                encodedBytes == 0 ? 0 : queue.droppedBytes() / (double) encodedBytes,
                encodedBytes == 0 ? 0 : queue.lostBytes() / (double) encodedBytes,
                stateShare);
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
