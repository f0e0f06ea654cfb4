package io.fleetcast.control.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Encodes audit events in PostgreSQL's binary COPY format, the cheapest way for the server to
 * take rows (no text parsing of timestamps and numbers).
 */
final class AuditRows {
    static final String COPY = "COPY auth_events "
            + "(at, robot_id, user_id, path, action, protocol, ip, allowed, status, reason, last_at, count) FROM STDIN (FORMAT binary)";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final short COLUMNS = 12;

    private AuditRows() {
    }

    static ByteBuffer encode(List<AuditRow> rows) {
        ByteBuffer out = ByteBuffer.allocate(rows.size() * 208 + 32);
        out.put(SIGNATURE).putInt(0).putInt(0);
        for (AuditRow row : rows) {
            AuthEvent e = row.first();
            out = room(out, 512);
            out.putShort(COLUMNS);
            out.putInt(8).putLong(micros(e.at()));
            id(out, e.robotId());
            id(out, e.userId());
            out = text(out, Texts.clip(e.path()));
            out = text(out, e.action());
            out = text(out, e.protocol());
            out = text(out, e.ip());
            out.putInt(1).put((byte) (e.allowed() ? 1 : 0));
            out.putInt(4).putInt(e.status());
            out = text(out, Texts.clip(e.reason()));
            out.putInt(8).putLong(micros(row.lastAt()));
            out.putInt(4).putInt(row.count());
        }
        out = room(out, 2);
        out.putShort((short) -1);
        return out.flip();
    }

    private static long micros(Instant at) {
        return (at.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + at.getNano() / 1_000;
    }

    private static void id(ByteBuffer out, long id) {
        if (id > 0) {
            out.putInt(8).putLong(id);
        } else {
            out.putInt(-1);
        }
    }

    private static ByteBuffer text(ByteBuffer out, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        ByteBuffer target = room(out, utf8.length + 4);
        return target.putInt(utf8.length).put(utf8);
    }

    private static ByteBuffer room(ByteBuffer out, int needed) {
        if (out.remaining() >= needed) {
            return out;
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + needed));
        return bigger.put(out.flip());
    }
}
