package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What waits in an {@link OutputWorker}'s queue, and the order a paced output takes it in. */
sealed interface OutputMessage {
    /** {@code taken}: the streams the output writes (the others never enter the queue). */
    record Begin(List<StreamDescription> streams, List<StreamDescription> taken, boolean discontinuity)
            implements OutputMessage {
        /** What {@code output} takes of {@code streams}; all when it cannot say (its begin then fails on the worker). */
        static Begin of(Output output, List<StreamDescription> streams, boolean discontinuity) {
            List<StreamDescription> taken;
            try {
                taken = output.takes(streams);
            } catch (RuntimeException e) {
                taken = streams;
            }
            return new Begin(streams, taken, discontinuity);
        }

        int videoTaken() {
            return (int) taken.stream().filter(stream -> !stream.isAudio()).count();
        }
    }

    /** {@code streamNanos}: the packet's decoding time on the program's timeline, or NOPTS. */
    record Data(StreamDescription stream, Packet packet, int size, long arrived, long streamNanos)
            implements OutputMessage {
        /** A new reference to {@code packet}, arrived now. */
        static Data of(StreamDescription stream, Packet packet, int size) {
            long dts = packet.av().dts();
            Rational base = stream.timeBase();
            long nanos = dts == AV_NOPTS_VALUE ? AV_NOPTS_VALUE : (long) (dts * 1e9 * base.num() / base.den());
            return new Data(stream, packet.newReference(), size, System.nanoTime(), nanos);
        }

        boolean timed() {
            return streamNanos != AV_NOPTS_VALUE;
        }
    }

    record End(CompletableFuture<Void> done) implements OutputMessage { }

    /**
     * The head of {@code queue}, or when that is a packet, the earliest on the program's
     * timeline among the packets before the next begin or end: the rungs' encoders and the
     * sound deliver out of step, and in arrival order a packet would wait behind a later one.
     */
    static OutputMessage earliestOfRun(Deque<OutputMessage> queue) {
        OutputMessage head = queue.peekFirst();
        if (!(head instanceof Data earliest) || !earliest.timed()) {
            return head;
        }
        for (OutputMessage message : queue) {
            if (!(message instanceof Data data) || !data.timed()) {
                break;
            }
            if (data.streamNanos() < earliest.streamNanos()) {
                earliest = data;
            }
        }
        return earliest;
    }
}
