package io.fleetcast.control;

import io.fleetcast.control.mediamtx.ReaderSessions;
import io.fleetcast.control.socket.ControlSockets;
import io.fleetcast.control.token.AccountListener;

/** What an account change ends on this instance: control sockets and MediaMTX reads whose token no longer counts. */
final class CredentialsRevoked implements AccountListener {
    private final ControlSockets sockets;
    private final ReaderSessions readers;

    CredentialsRevoked(ControlSockets sockets, ReaderSessions readers) {
        this.sockets = sockets;
        this.readers = readers;
    }

    @Override
    public void changed(long userId) {
        sockets.closeRevoked(userId);
        readers.kickRevoked(userId);
    }

    @Override
    public void resynced() {
        sockets.closeAllRevoked();
        readers.kickAllRevoked();
    }
}
