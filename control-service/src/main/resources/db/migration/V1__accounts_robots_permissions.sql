-- Accounts, robots and who may watch or drive them.
CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text        NOT NULL UNIQUE,
    role          text        NOT NULL CHECK (role IN ('user', 'operator')),
    -- Argon2id in PHC string form; the password itself is never stored.
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE robots (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id        bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name            text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('private', 'playroom')),
    -- SHA-256 of the 256-bit random stream key; the key is shown once and never stored.
    stream_key_hash bytea       NOT NULL CHECK (length(stream_key_hash) = 32),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX robots_owner ON robots (owner_id);
-- MediaMTX has one "playroom" path, so at most one robot may publish it.
CREATE UNIQUE INDEX robots_single_playroom ON robots (kind) WHERE kind = 'playroom';

CREATE TABLE permissions (
    robot_id   bigint      NOT NULL REFERENCES robots (id) ON DELETE CASCADE,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    permission text        NOT NULL CHECK (permission IN ('view', 'drive')),
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (robot_id, user_id, permission)
);
CREATE INDEX permissions_user ON permissions (user_id);
