package io.fleetcast.control.auth;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Encodes audit events in PostgreSQL's binary COPY format, the cheapest way for the server to
 * take rows (no text parsing of timestamps and numbers).
 */
final class AuditRows {
    static final String COPY = "COPY auth_events "
            + "(at, robot_id, user_id, path, action, protocol, ip, allowed, status, reason) FROM STDIN (FORMAT binary)";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final short COLUMNS = 10;

    private AuditRows() {
    }

    static byte[] encode(List<AuthEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 192 + 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
            for (AuthEvent e : events) {
                out.writeShort(COLUMNS);
                int64(out, micros(e.at()));
                id(out, e.robotId());
                id(out, e.userId());
                text(out, e.path());
                text(out, e.action());
                text(out, e.protocol());
                text(out, e.ip());
                out.writeInt(1);
                out.writeByte(e.allowed() ? 1 : 0);
                out.writeInt(4);
                out.writeInt(e.status());
                text(out, e.reason());
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static long micros(Instant at) {
        return (at.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + at.getNano() / 1_000;
    }

    private static void int64(DataOutputStream out, long value) throws IOException {
        out.writeInt(8);
        out.writeLong(value);
    }

    private static void id(DataOutputStream out, long id) throws IOException {
        if (id > 0) {
            int64(out, id);
        } else {
            out.writeInt(-1);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = Texts.clip(value).getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
