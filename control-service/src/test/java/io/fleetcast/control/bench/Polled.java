package io.fleetcast.control.bench;

import java.nio.channels.SocketChannel;

/** A non-blocking socket that a {@link WireLoop} reads whenever it is readable. */
interface Polled {

    SocketChannel channel();

    /** Reads what arrived and handles it; false once the peer is gone. */
    boolean readable();
}
