package io.fleetcast.observer.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP link with a capacity schedule between a publisher and its receiver, for tests and
 * the uplink benchmark. On each millisecond the proxy reads from the publisher as much as
 * that millisecond's capacity allows and passes it on (unused capacity is lost, as with
 * mahimahi's delivery opportunities); what it does not read yet stays in the publisher's own
 * kernel send queue, where a real bottleneck puts the backlog. Replies (RTMP handshake, acknowledgements) pass unshaped. One session
 * at a time; the schedule's clock starts with the first session.
 */
public final class ShapingProxy implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ShapingProxy.class.getName());
    /**
     * The link's own queue (the proxy's kernel receive buffer), like a router's: small, so the
     * backlog stays where the sender sees it, in its own send queue.
     */
    private static final int BUFFER = 4 * 1024;
    private static final double CARRY = 1500;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Capacity capacity;
    private final AtomicLong forwarded = new AtomicLong();
    private final Thread acceptor;
    private volatile long startNanos;
    private volatile boolean closed;
    private volatile Socket client;
    private volatile Socket upstream;

    public ShapingProxy(InetSocketAddress target, Capacity capacity) {
        this.target = target;
        this.capacity = capacity;
        try {
            server = new ServerSocket();
            server.setReceiveBufferSize(BUFFER);
            server.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the shaping proxy", e);
        }
        acceptor = Thread.ofPlatform().name("shaping-proxy").daemon().start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Bytes delivered to the receiver so far. */
    public long forwarded() {
        return forwarded.get();
    }

    /** Milliseconds since the first session began (the schedule's clock), or -1 before. */
    public long elapsedMillis() {
        return startNanos == 0 ? -1 : (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void accept() {
        while (!closed) {
            try (Socket from = server.accept(); Socket to = new Socket()) {
                from.setTcpNoDelay(true);
                to.setTcpNoDelay(true);
                to.connect(target, 2000);
                client = from;
                upstream = to;
                if (startNanos == 0) {
                    startNanos = System.nanoTime();
                }
                Thread replies = Thread.ofPlatform().name("shaping-proxy-replies").daemon()
                        .start(() -> copy(to, from));
                shape(from, to.getOutputStream());
                replies.join(1000);
            } catch (IOException e) {
                // The session ended (which side ended it, for tests that count sessions); accept the next one.
                if (!closed) {
                    LOG.log(System.Logger.Level.INFO, "shaping proxy: a session ended: " + e);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void shape(Socket from, OutputStream out) throws IOException {
        InputStream in = from.getInputStream();
        from.setSoTimeout(1);
        double credit = 0;
        long doneMs = elapsedMillis();
        byte[] batch = new byte[64 * 1024];
        while (!closed) {
            long now = elapsedMillis();
            // Unused opportunities are lost: credit left from earlier turns carries over only as
            // far as one packet, the opportunities of the milliseconds just passed count in full.
            credit = Math.min(credit, CARRY);
            for (long ms = doneMs; ms < now; ms++) {
                credit += capacity.bytesAt(ms);
            }
            doneMs = now;
            int waiting = in.available();
            int send = (int) Math.min(Math.min(waiting, batch.length), Math.floor(credit));
            if (send > 0) {
                int read = in.read(batch, 0, send);
                if (read < 0) {
                    return;
                }
                credit -= read;
                out.write(batch, 0, read);
                forwarded.addAndGet(read);
                LockSupport.parkNanos(1_000_000);
            } else if (waiting == 0) {
                // Nothing waiting: block a millisecond on one byte, which also tells a closed publisher.
                try {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    out.write(b);
                    credit -= 1;
                    forwarded.incrementAndGet();
                } catch (java.net.SocketTimeoutException e) {
                    // idle
                }
            } else {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        byte[] chunk = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(chunk)) >= 0) {
                out.write(chunk, 0, read);
            }
        } catch (IOException e) {
            // the session ended
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        Socket c = client;
        Socket u = upstream;
        if (c != null) {
            c.close();
        }
        if (u != null) {
            u.close();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
