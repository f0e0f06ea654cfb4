package io.fleetcast.control.socket;

/**
 * Relay payloads: a one-letter kind, a target, then the frame exactly as clients receive it, so
 * an instance forwards without re-encoding. Kinds: {@code c} command frame for the robot,
 * {@code r} a robot socket replaced (target: the new socket's token), {@code a} frame for all
 * watchers, {@code u} frame for one user's sockets, {@code q} queue snapshot, {@code p} presence, {@code o} alert frame for the owner's sockets.
 */
record Envelope(char kind, String target, String body) {

    static String encode(char kind, String target, String body) {
        return kind + target + "|" + body;
    }

    static Envelope decode(String payload) {
        int bar = payload.indexOf('|');
        if (payload.isEmpty() || bar < 1) {
            throw new IllegalArgumentException("not a relay envelope");
        }
        return new Envelope(payload.charAt(0), payload.substring(1, bar),
                payload.substring(bar + 1));
    }
}
