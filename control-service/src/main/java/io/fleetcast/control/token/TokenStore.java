package io.fleetcast.control.token;

import io.fleetcast.control.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Token revocation state in PostgreSQL: a user's standing (token version, disabled) and the
 * single tokens taken back by log-out. Whoever revokes tells {@link AccountEvents} afterwards,
 * so every instance drops its cached standing of that user.
 */
public final class TokenStore {
    private static final String STANDING = "SELECT token_version, disabled_at IS NOT NULL FROM users WHERE id = ?";
    private static final String REVOKED = "SELECT token_id FROM revoked_tokens WHERE user_id = ? AND expires_at > now()";
    private static final String REVOKE = "INSERT INTO revoked_tokens (token_id, user_id, expires_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (token_id) DO NOTHING";
    // Revoked ids are only needed until the token would have expired anyway. Pruned on every
    // log-out, so the table only ever holds the log-outs of one token lifetime.
    private static final String PRUNE = "DELETE FROM revoked_tokens WHERE expires_at <= now()";

    private final Database database;

    public TokenStore(Database database) {
        this.database = database;
    }

    public Optional<Standing> standing(long userId) {
        return database.withConnection(c -> {
            long version;
            boolean disabled;
            try (PreparedStatement st = c.prepareStatement(STANDING)) {
                st.setLong(1, userId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    version = rs.getLong(1);
                    disabled = rs.getBoolean(2);
                }
            }
            Set<String> revoked = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement(REVOKED)) {
                st.setLong(1, userId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        revoked.add(rs.getString(1));
                    }
                }
            }
            return Optional.of(new Standing(version, disabled, revoked));
        });
    }

    /** Takes back one token (log-out). */
    public void revoke(VerifiedToken token) {
        database.inTransaction(c -> {
            try (PreparedStatement prune = c.prepareStatement(PRUNE);
                 PreparedStatement insert = c.prepareStatement(REVOKE)) {
                prune.executeUpdate();
                insert.setString(1, token.id());
                insert.setLong(2, token.userId());
                insert.setTimestamp(3, Timestamp.from(token.expiresAt()));
                insert.executeUpdate();
            }
            return null;
        });
    }
}
