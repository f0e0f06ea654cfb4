-- One row per /internal/auth decision. No foreign key: the audit outlives deleted robots.
CREATE TABLE auth_events (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL,
    robot_id bigint,
    user_id  bigint,
    path     text        NOT NULL,
    action   text        NOT NULL,
    protocol text        NOT NULL,
    ip       text        NOT NULL,
    allowed  boolean     NOT NULL,
    status   integer     NOT NULL,
    reason   text        NOT NULL
);
CREATE INDEX auth_events_at ON auth_events (at);
CREATE INDEX auth_events_robot ON auth_events (robot_id, at);
CREATE INDEX auth_events_ip ON auth_events (ip, at);
