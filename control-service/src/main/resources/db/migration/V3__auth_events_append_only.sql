-- auth_events is written for every MediaMTX connection, in bulk (COPY): keep per-row costs low.
-- No surrogate key (rows are never updated or referenced) and a single BRIN index on time (tiny,
-- nearly free to maintain on an append-only table); investigations filter by time first.
ALTER TABLE auth_events DROP COLUMN id;
DROP INDEX auth_events_at;
DROP INDEX auth_events_ip;
DROP INDEX auth_events_robot;
CREATE INDEX auth_events_at ON auth_events USING brin (at);
