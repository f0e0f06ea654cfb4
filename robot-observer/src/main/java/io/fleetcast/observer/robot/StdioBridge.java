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
 * Commands as JSON lines on an output stream (the process's stdout, piped into the robot's
 * software), state read back from an input stream (stdin). Logs must then go to stderr only,
 * which is where {@code System.Logger}'s default handler writes.
 */
public final class StdioBridge implements RobotLink {
    private static final System.Logger LOG = System.getLogger(StdioBridge.class.getName());

    private final InputStream in;
    private final OutputStream out;
    private final StateLines states = new StateLines("stdin");
    private final Thread reader;
    private final AtomicBoolean closed = new AtomicBoolean();

    public StdioBridge(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
        this.reader = Thread.ofPlatform().daemon().name("robot-stdin").start(this::read);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                states.offer(line);
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.log(Level.WARNING, "robot state input failed; no more state will be read", e);
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
                throw new RobotLinkException("cannot write " + command.action() + " to the robot's stdin pipe: "
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
            in.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the state input: " + e);
        }
        // A read blocked on the process's stdin may not return; the thread is a daemon for that reason.
        reader.interrupt();
    }
}
