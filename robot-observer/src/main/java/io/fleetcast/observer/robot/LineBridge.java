package io.fleetcast.observer.robot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.observer.control.RobotCommand;
import io.fleetcast.observer.control.RobotLink;
import io.fleetcast.observer.control.RobotLinkException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Commands as JSON lines on an output stream, state read back as JSON lines from an input
 * stream: the process's stdout and stdin (piped into the robot's software; logs then go to
 * stderr only, where {@code System.Logger}'s default handler writes), or both ends of a Unix
 * socket ({@link UnixSocketBridge}).
 */
public final class LineBridge implements RobotLink {
    private static final System.Logger LOG = System.getLogger(LineBridge.class.getName());

    private final String name;
    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable connection;
    private final StateLines states;
    private final Thread reader;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The process's own stdin and stdout. */
    public LineBridge(InputStream in, OutputStream out) {
        this("stdin/stdout", in, out, in);
    }

    /**
     * @param name       what the robot is called in logs and errors
     * @param connection closed with the bridge (the socket both streams belong to)
     */
    LineBridge(String name, InputStream in, OutputStream out, AutoCloseable connection) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.connection = connection;
        this.states = new StateLines(name);
        this.reader = Thread.ofPlatform().daemon().name("robot-lines").start(this::read);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                states.offer(line);
            }
            if (!closed.get()) {
                LOG.log(Level.WARNING, "the robot closed " + name + "; no more state will be read");
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.log(Level.WARNING, "reading robot state from " + name + " failed; no more state will be read", e);
            }
        }
    }

    @Override
    public void send(RobotCommand command) {
        byte[] line = JsonLines.encode(command).getBytes(StandardCharsets.UTF_8);
        // Lines from several threads must not interleave.
        synchronized (out) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                throw new RobotLinkException("cannot send " + command.action() + " to the robot on " + name + ": "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public void onState(Consumer<ObjectNode> listener) {
        states.listener(listener);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            connection.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "closing " + name + ": " + e);
        }
        // A read blocked on the process's stdin may not return; the thread is a daemon for that reason.
        reader.interrupt();
    }
}
