package io.fleetcast.control.auth;

import io.fleetcast.control.testing.MediaMtxBody;

/**
 * The ways a secret reaches {@code /internal/auth} (see reference MEDIAMTX.md), applied to a body.
 */
enum Credential {
    /** RTMP {@code ?user=&pass=}: MediaMTX fills user/password, copies the password into token, keeps the query. */
    RTMP_USER_PASS {
        @Override
        MediaMtxBody apply(MediaMtxBody body, String secret) {
            return body.user(body.path(), secret).token(secret).query("user=" + body.path() + "&pass=" + secret);
        }
    },
    /** SRT stream id {@code publish:path:user:pass} or basic auth, password copied into token. */
    USER_PASS_COPIED {
        @Override
        MediaMtxBody apply(MediaMtxBody body, String secret) {
            return body.user("someone", secret).token(secret);
        }
    },
    /** Password alone, not copied into token. */
    PASSWORD_ONLY {
        @Override
        MediaMtxBody apply(MediaMtxBody body, String secret) {
            return body.user("someone", secret);
        }
    },
    /** {@code Authorization: Bearer} (WHIP/WHEP/HLS) or RTMP/RTSP {@code ?token=}. */
    BEARER {
        @Override
        MediaMtxBody apply(MediaMtxBody body, String secret) {
            return body.token(secret);
        }
    },
    /** {@code ?token=} kept in the query and in token. */
    TOKEN_QUERY {
        @Override
        MediaMtxBody apply(MediaMtxBody body, String secret) {
            return body.token(secret).query("token=" + secret);
        }
    },
    /** Only the raw query carries it: user, password and token are empty. */
    QUERY_ONLY {
        @Override
        MediaMtxBody apply(MediaMtxBody body, String secret) {
            return body.query("user=" + body.path() + "&pass=" + secret);
        }
    },
    /** Only the raw query's token parameter carries it. */
    QUERY_TOKEN_ONLY {
        @Override
        MediaMtxBody apply(MediaMtxBody body, String secret) {
            return body.query("token=" + secret);
        }
    },
    /** No credentials at all. */
    NONE {
        @Override
        MediaMtxBody apply(MediaMtxBody body, String secret) {
            return body;
        }
    };

    abstract MediaMtxBody apply(MediaMtxBody body, String secret);
}
