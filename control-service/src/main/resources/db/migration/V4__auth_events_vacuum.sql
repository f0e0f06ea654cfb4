-- auth_events only grows. The default autovacuum settings re-scan a table each time it grows by
-- 20%, which for this table means scanning every row several times over its life; vacuum and
-- analyze it when it has doubled instead (anti-wraparound freezing still runs as usual).
ALTER TABLE auth_events SET (autovacuum_vacuum_insert_scale_factor = 1.0, autovacuum_analyze_scale_factor = 1.0);
