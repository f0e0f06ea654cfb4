-- Identical decisions (same robot, user, path, action, protocol, address, result and reason) that
-- arrive together are stored as one row with how many there were and when the last one came:
-- every decision is still counted, and a burst of connections costs the database one row.
ALTER TABLE auth_events ADD COLUMN last_at timestamptz, ADD COLUMN count integer NOT NULL DEFAULT 1;
