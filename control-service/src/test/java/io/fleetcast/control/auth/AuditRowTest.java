package io.fleetcast.control.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static AuthEvent event(int second, String ip, String reason) {
        return new AuthEvent(T0.plusSeconds(second), 7, 0, "robot_7", "publish", "rtmp", ip, false, 403, reason);
    }

    @Test
    void countsIdenticalDecisionsInOneRowKeepingFirstAndLastTime() {
        List<AuditRow> rows = AuditRow.coalesce(List.of(
                event(0, "192.0.2.1", "wrong stream key"),
                event(1, "192.0.2.2", "wrong stream key"),
                event(2, "192.0.2.1", "wrong stream key"),
                event(3, "192.0.2.1", "wrong stream key")));

        assertThat(rows).containsExactly(
                new AuditRow(event(0, "192.0.2.1", "wrong stream key"), T0.plusSeconds(3), 3),
                new AuditRow(event(1, "192.0.2.2", "wrong stream key"), T0.plusSeconds(1), 1));
    }

    @Test
    void keepsDecisionsThatDifferInAnyFieldApart() {
        List<AuditRow> rows = AuditRow.coalesce(List.of(
                event(0, "192.0.2.1", "wrong stream key"),
                event(0, "192.0.2.1", "unknown robot")));

        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.count()).isEqualTo(1));
    }
}
