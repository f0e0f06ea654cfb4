-- Taking tokens back. A token carries the user's token_version from when it was issued and is
-- accepted only while that is still the user's version: a password change or a disable bumps
-- it, so every older token stops at once. disabled_at set means the account is disabled (no
-- login, no token, no media read) and keeps when it happened.
ALTER TABLE users ADD COLUMN token_version bigint NOT NULL DEFAULT 0,
                  ADD COLUMN disabled_at timestamptz;

-- Single tokens taken back by log-out, kept until they would have expired anyway. token_id is
-- the token's random jti (not a secret: it cannot be used to sign in).
CREATE TABLE revoked_tokens (
    token_id   text        PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revoked_tokens_user ON revoked_tokens (user_id, expires_at);
