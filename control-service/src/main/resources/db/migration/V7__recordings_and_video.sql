-- Recorded segments, one row per file MediaMTX finished and hls_sync.sh stored (in S3, or on
-- local disk in local mode). object_key is where it lies; init_bytes is the length of its
-- initialization section (ftyp + moov) before the first fragment, which the VOD playlist
-- addresses with EXT-X-MAP byte ranges. Deleting a robot deletes its rows.
CREATE TABLE recordings (
    id          bigserial   PRIMARY KEY,
    robot_id    bigint      NOT NULL REFERENCES robots (id) ON DELETE CASCADE,
    object_key  text        NOT NULL UNIQUE,
    started_at  timestamptz NOT NULL,
    duration_us bigint      NOT NULL CHECK (duration_us > 0),
    size_bytes  bigint      NOT NULL CHECK (size_bytes > 0),
    init_bytes  bigint      NOT NULL CHECK (init_bytes > 0 AND init_bytes < size_bytes),
    indexed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recordings_robot_time ON recordings (robot_id, started_at);
CREATE INDEX recordings_time ON recordings (started_at);

-- Whether a robot's MediaMTX path is publishing (live) and since when, from MediaMTX's hooks
-- and the poll of its API. No row: never seen live.
CREATE TABLE robot_video (
    robot_id   bigint      PRIMARY KEY REFERENCES robots (id) ON DELETE CASCADE,
    live       boolean     NOT NULL,
    since      timestamptz NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
