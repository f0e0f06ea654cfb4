package io.fleetcast.control.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One {@code auth_events} row: the first of {@code count} identical decisions, the last at {@code lastAt}. */
record AuditRow(AuthEvent first, Instant lastAt, int count) {

    /** Folds identical decisions of one batch into one row each, in order of first appearance. */
    static List<AuditRow> coalesce(List<AuthEvent> events) {
        Map<AuthEvent, AuditRow> rows = new LinkedHashMap<>();
        for (AuthEvent event : events) {
            rows.merge(untimed(event), new AuditRow(event, event.at(), 1),
                    (seen, next) -> new AuditRow(seen.first(), next.lastAt(), seen.count() + 1));
        }
        return new ArrayList<>(rows.values());
    }

    private static AuthEvent untimed(AuthEvent e) {
        return new AuthEvent(null, e.robotId(), e.userId(), e.path(), e.action(), e.protocol(), e.ip(), e.allowed(),
                e.status(), e.reason());
    }
}
