package io.fleetcast.bridge.broadcast;

import io.fleetcast.bridge.metrics.MetricsRecorder;
import io.fleetcast.media.Packet;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that owns the outputs: encoders hand it packets through a queue, it writes
 * them to every output. An output that fails is switched off for the rest of the run and
 * logged, so it cannot stall the others.
 */
final class Distribution implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Distribution.class.getName());

    private sealed interface Message { }

    private record Begin(List<StreamDescription> streams, boolean discontinuity) implements Message { }

    private record Data(StreamDescription stream, Packet packet) implements Message { }

    private record End(CompletableFuture<Void> done) implements Message { }

    private record Stop() implements Message { }

    private final List<Output> outputs;
    private final boolean[] failed;
    private final MetricsRecorder metrics;
    private final LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private boolean closed;

    Distribution(List<Output> outputs, MetricsRecorder metrics) {
        this.outputs = List.copyOf(outputs);
        this.failed = new boolean[outputs.size()];
        this.metrics = metrics;
        this.thread = Thread.ofPlatform().name("bridge-outputs").start(this::run);
    }

    void begin(List<StreamDescription> streams, boolean discontinuity) {
        queue.add(new Begin(List.copyOf(streams), discontinuity));
    }

    /** Takes ownership of {@code packet}. */
    void write(StreamDescription stream, Packet packet) {
        queue.add(new Data(stream, packet));
    }

    /** Ends the run and waits until every output has flushed it. */
    void end() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new End(done));
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "outputs did not finish the run in time", e);
        }
    }

    private void run() {
        while (true) {
            Message message;
            try {
                message = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            switch (message) {
                case Begin begin -> each("begin", output -> output.begin(begin.streams(), begin.discontinuity()), true);
                case Data data -> {
                    try (Packet packet = data.packet()) {
                        if (!data.stream().isAudio()) {
                            metrics.rungPacket(data.stream().index(), packet.av().size());
                        }
                        each("write", output -> output.write(data.stream(), packet), false);
                    }
                }
                case End end -> {
                    each("end", Output::end, false);
                    end.done().complete(null);
                }
                case Stop stop -> {
                    return;
                }
            }
        }
    }

    private void each(String action, java.util.function.Consumer<Output> call, boolean reset) {
        for (int i = 0; i < outputs.size(); i++) {
            if (reset) {
                failed[i] = false;
            }
            if (failed[i]) {
                continue;
            }
            try {
                call.accept(outputs.get(i));
            } catch (RuntimeException e) {
                failed[i] = true;
                LOG.log(Level.ERROR, "output " + outputs.get(i) + " failed on " + action
                        + "; it is off until the input reconnects", e);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(new Stop());
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Message> left = new ArrayList<>();
        queue.drainTo(left);
        for (Message message : left) {
            if (message instanceof Data data) {
                data.packet().close();
            }
        }
        for (int i = outputs.size() - 1; i >= 0; i--) {
            try {
                outputs.get(i).close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing output " + outputs.get(i) + " failed", e);
            }
        }
    }
}
