package io.fleetcast.observer.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A robot link that remembers every command and when it came; tests push state through it. */
public final class RecordingLink implements RobotLink {
    /** @param nanos {@link System#nanoTime()} at arrival */
    public record Received(RobotCommand command, long nanos) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Consumer<ObjectNode> listener = state -> { };

    @Override
    public void send(RobotCommand command) {
        received.add(new Received(command, System.nanoTime()));
    }

    @Override
    public void onState(Consumer<ObjectNode> listener) {
        this.listener = listener;
    }

    public void emit(ObjectNode state) {
        listener.accept(state);
    }

    /** The next command matching, skipping others; fails after 5 s. */
    public Received await(Predicate<RobotCommand> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (System.nanoTime() < deadline) {
                Received next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next != null && match.test(next.command())) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching command within 5 s");
    }

    public Received awaitAction(String action) {
        return await(command -> command.action().equals(action));
    }

    public Received poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
    }
}
