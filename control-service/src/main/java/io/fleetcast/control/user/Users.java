package io.fleetcast.control.user;

import io.fleetcast.control.http.ConflictException;
import io.fleetcast.control.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Accounts in PostgreSQL. Passwords go in and are checked here; only their hashes are stored. */
public final class Users {
    private static final String INSERT =
            "INSERT INTO users (name, role, password_hash) VALUES (?, ?, ?) RETURNING id, name, role, created_at";
    private static final String BY_NAME = "SELECT id, name, role, created_at, password_hash FROM users WHERE name = ?";
    private static final String BY_ID = "SELECT id, name, role, created_at, password_hash FROM users WHERE id = ?";

    private final Database database;
    private final PasswordHasher hasher;
    // Hashing against a dummy on unknown names keeps login time the same whether or not the
    // name exists. Computed on first use: the admin command line rarely needs it.
    private volatile String dummyHash;

    public Users(Database database, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
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

    /** The user whose password matches, or empty; takes the same time either way. */
    public Optional<User> authenticate(String name, String password) {
        Optional<Row> row = find(BY_NAME, st -> st.setString(1, name));
        if (row.isEmpty()) {
            hasher.matches(password, dummyHash());
            return Optional.empty();
        }
        return hasher.matches(password, row.get().passwordHash()) ? Optional.of(row.get().user()) : Optional.empty();
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

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant());
    }

    private record Row(User user, String passwordHash) {
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
