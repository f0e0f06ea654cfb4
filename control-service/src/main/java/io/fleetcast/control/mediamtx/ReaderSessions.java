package io.fleetcast.control.mediamtx;

import io.fleetcast.control.auth.MediaProtocol;
import io.fleetcast.control.token.TokenCheck;
import io.fleetcast.control.token.VerifiedToken;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MediaMTX reads this instance allowed on user tokens, by user, so they can be kicked once
 * the token is taken back: MediaMTX asks the auth hook only when a session starts, so without a
 * kick a disabled user would keep watching. Every instance keeps the reads it allowed itself and
 * receives every account change, so together they cover all reads. Memory is bounded: the
 * newest {@value #PER_USER} reads per user; past {@value #MAX_USERS} users the oldest record is
 * dropped wholesale (those reads are then only refused at their next start).
 */
public final class ReaderSessions {
    static final int PER_USER = 64;
    static final int MAX_USERS = 50_000;
    private static final System.Logger LOG = System.getLogger(ReaderSessions.class.getName());

    private final SessionKicker kicker;
    private final TokenCheck check;
    private final Map<Long, Deque<ReaderSession>> byUser = new ConcurrentHashMap<>();

    public ReaderSessions(SessionKicker kicker, TokenCheck check) {
        this.kicker = kicker;
        this.check = check;
    }

    /** A read was allowed on {@code token}; MediaMTX calls the session {@code id}. */
    public void opened(VerifiedToken token, MediaProtocol protocol, UUID id) {
        if (byUser.size() >= MAX_USERS && !byUser.containsKey(token.userId())) {
            LOG.log(Level.WARNING, "tracking reads of more than " + MAX_USERS + " users; forgetting the older ones");
            byUser.clear();
        }
        byUser.compute(token.userId(), (user, reads) -> {
            Deque<ReaderSession> next = reads == null ? new ArrayDeque<>() : reads;
            next.addLast(new ReaderSession(token, protocol, id));
            while (next.size() > PER_USER) {
                next.removeFirst();
            }
            return next;
        });
    }

    /** Kicks the user's reads whose token was taken back (logged out, password changed, disabled). */
    public void kickRevoked(long userId) {
        List<ReaderSession> revoked = new ArrayList<>();
        byUser.computeIfPresent(userId, (user, reads) -> {
            for (Iterator<ReaderSession> it = reads.iterator(); it.hasNext(); ) {
                ReaderSession read = it.next();
                if (!stillValid(read)) {
                    it.remove();
                    revoked.add(read);
                }
            }
            return reads.isEmpty() ? null : reads;
        });
        for (ReaderSession read : revoked) {
            LOG.log(Level.INFO, "kicking " + read.protocol().wire() + " session " + read.id() + " of user " + userId
                    + ": token revoked");
            kicker.kick(read.protocol(), read.id());
        }
    }

    /** After a lost account-change subscription: checks every read tracked here. */
    public void kickAllRevoked() {
        for (Long user : List.copyOf(byUser.keySet())) {
            kickRevoked(user);
        }
    }

    /** Reads tracked for the user (for tests and diagnostics). */
    int tracked(long userId) {
        Deque<ReaderSession> reads = byUser.get(userId);
        return reads == null ? 0 : reads.size();
    }

    private boolean stillValid(ReaderSession read) {
        try {
            return check.stillValid(read.token());
        } catch (RuntimeException e) {
            // Cannot tell (PostgreSQL down): keep the read and log; the next change rechecks it.
            LOG.log(Level.WARNING, "cannot recheck the token of " + read.protocol().wire() + " session " + read.id(), e);
            return true;
        }
    }
}
