package io.fleetcast.control.token;

/**
 * What else must react when a user's tokens may have been taken back (their open control
 * sockets, their MediaMTX sessions). Called after the cached standing was dropped, off the
 * pub/sub thread, so a check made from here sees the new state.
 */
public interface AccountListener {
    AccountListener NONE = new AccountListener() {
        @Override
        public void changed(long userId) {
        }

        @Override
        public void resynced() {
        }
    };

    /** Some of this user's tokens may no longer count. */
    void changed(long userId);

    /** The subscription was (re)established: changes may have been missed, check everyone. */
    void resynced();
}
