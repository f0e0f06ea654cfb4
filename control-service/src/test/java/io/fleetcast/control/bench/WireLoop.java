package io.fleetcast.control.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One selector thread that reads many sockets (the generator's, the reference fan-out's). The JDK's WebSocket client costs a
 * hand-off between threads and an epoll re-registration per received frame, which made the
 * generator the largest CPU user of the relay benchmark; here a frame costs one read at most.
 */
final class WireLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WireLoop.class.getName());

    private final Selector selector;
    private final Queue<Polled> joining = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean open = true;

    WireLoop() {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = Thread.ofPlatform().daemon().name("wire-loop").start(this::run);
    }

    /** Starts reading a socket whose handshake is done. */
    void add(Polled socket) {
        joining.add(socket);
        selector.wakeup();
    }

    private void run() {
        while (open) {
            try {
                selector.select();
                for (Polled socket; (socket = joining.poll()) != null; ) {
                    socket.channel().register(selector, SelectionKey.OP_READ, socket);
                    socket.readable();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Polled socket = (Polled) key.attachment();
                    if (!socket.readable()) {
                        key.cancel();
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "generator selector failed", e);
            }
        }
    }

    @Override
    public void close() {
        open = false;
        selector.wakeup();
        try {
            thread.join(2_000);
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the generator selector", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
