package io.fleetcast.control.user;

import io.fleetcast.control.http.ConflictException;
import io.fleetcast.control.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Accounts in PostgreSQL. Passwords go in and are checked here; only their hashes are stored.
 * {@code changes} is told after every change that takes tokens back (password change, disable,
 * enable), so every instance drops its cached standing of that user.
 */
public final class Users {
    private static final String COLUMNS = "id, name, role, created_at, token_version, disabled_at IS NOT NULL AS disabled";
    private static final String INSERT = "INSERT INTO users (name, role, password_hash) VALUES (?, ?, ?) RETURNING "
            + COLUMNS;
    private static final String BY_NAME = "SELECT " + COLUMNS + ", password_hash FROM users WHERE name = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + ", password_hash FROM users WHERE id = ?";
    private static final String LIST = "SELECT " + COLUMNS + " FROM users WHERE id > ? ORDER BY id LIMIT ?";
    // Only if the hash is still the one checked: a concurrent change wins, this one is refused.
    private static final String NEW_PASSWORD = "UPDATE users SET password_hash = ?, token_version = token_version + 1 "
            + "WHERE id = ? AND password_hash = ? RETURNING " + COLUMNS;
    private static final String DISABLE = "UPDATE users SET disabled_at = coalesce(disabled_at, now()), "
            + "token_version = token_version + 1 WHERE id = ? RETURNING " + COLUMNS;
    private static final String ENABLE = "UPDATE users SET disabled_at = NULL WHERE id = ? RETURNING " + COLUMNS;

    private final Database database;
    private final PasswordHasher hasher;
    private final LongConsumer changes;
    // Hashing against a dummy on unknown names keeps login time the same whether or not the
    // name exists. Computed on first use: the admin command line rarely needs it.
    private volatile String dummyHash;

    public Users(Database database, PasswordHasher hasher, LongConsumer changes) {
        this.database = database;
        this.hasher = hasher;
        this.changes = changes;
    }

    public User create(String name, String password, Role role) {
        UserName.require(name);
        Passwords.require(password);
        String hash = hasher.hash(password);
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(INSERT)) {
                st.setString(1, name);
                st.setString(2, role.wire());
                st.setString(3, hash);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return map(rs);
                }
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new ConflictException("user name '" + name + "' is taken", e);
                }
                throw e;
            }
        });
    }

    /**
     * The user whose password matches (disabled or not: the caller refuses disabled accounts),
     * or empty; takes the same time either way.
     */
    public Optional<User> authenticate(String name, String password) {
        Optional<Row> row = find(BY_NAME, st -> st.setString(1, name));
        if (row.isEmpty()) {
            hasher.matches(password, dummyHash());
            return Optional.empty();
        }
        return hasher.matches(password, row.get().passwordHash()) ? Optional.of(row.get().user()) : Optional.empty();
    }

    /**
     * Replaces the password if {@code current} is right, and makes every token issued before
     * void. Empty when {@code current} is wrong (or the password changed meanwhile).
     */
    public Optional<User> changePassword(long userId, String current, String next) {
        Passwords.require(next);
        Optional<Row> row = find(BY_ID, st -> st.setLong(1, userId));
        if (row.isEmpty() || !hasher.matches(current, row.get().passwordHash())) {
            return Optional.empty();
        }
        String hash = hasher.hash(next);
        Optional<User> changed = update(NEW_PASSWORD, st -> {
            st.setString(1, hash);
            st.setLong(2, userId);
            st.setString(3, row.get().passwordHash());
        });
        changed.ifPresent(user -> changes.accept(user.id()));
        return changed;
    }

    /** Disables the account and voids all its tokens; empty when no such user exists. */
    public Optional<User> disable(long userId) {
        Optional<User> user = update(DISABLE, st -> st.setLong(1, userId));
        user.ifPresent(u -> changes.accept(u.id()));
        return user;
    }

    /** Lets the account sign in again (its old tokens stay void); empty when no such user exists. */
    public Optional<User> enable(long userId) {
        Optional<User> user = update(ENABLE, st -> st.setLong(1, userId));
        user.ifPresent(u -> changes.accept(u.id()));
        return user;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash("not-a-password");
            dummyHash = hash;
        }
        return hash;
    }

    public Optional<User> byName(String name) {
        return find(BY_NAME, st -> st.setString(1, name)).map(Row::user);
    }

    public Optional<User> byId(long id) {
        return find(BY_ID, st -> st.setLong(1, id)).map(Row::user);
    }

    /** Up to {@code limit} users with an id above {@code after}, in id order. */
    public List<User> list(long after, int limit) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(LIST)) {
                st.setLong(1, after);
                st.setInt(2, limit);
                List<User> users = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        users.add(map(rs));
                    }
                }
                return users;
            }
        });
    }

    private Optional<Row> find(String sql, Binder binder) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                binder.bind(st);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(map(rs), rs.getString("password_hash"))) : Optional.empty();
                }
            }
        });
    }

    private Optional<User> update(String sql, Binder binder) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                binder.bind(st);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("token_version"), rs.getBoolean("disabled"));
    }

    private record Row(User user, String passwordHash) {
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
