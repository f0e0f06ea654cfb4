package io.fleetcast.control.robot;

import io.fleetcast.control.http.ConflictException;
import io.fleetcast.control.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/** Robots in PostgreSQL. Every change is reported to {@code accessChanged} so caches drop it. */
public final class Robots {
    private static final String COLUMNS = "id, owner_id, name, kind, created_at, updated_at";
    private static final String INSERT = "INSERT INTO robots (owner_id, name, kind, stream_key_hash) VALUES (?, ?, ?, ?) "
            + "RETURNING " + COLUMNS;
    private static final String ROTATE = "UPDATE robots SET stream_key_hash = ?, updated_at = now() WHERE id = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM robots WHERE id = ?";
    private static final String BY_OWNER = "SELECT " + COLUMNS + " FROM robots WHERE owner_id = ? ORDER BY id";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM robots WHERE id > ? ORDER BY id LIMIT ?";
    private static final String DELETE = "DELETE FROM robots WHERE id = ?";
    private static final String PLAYROOM = "SELECT " + COLUMNS + " FROM robots WHERE kind = 'playroom'";

    private final Database database;
    private final LongConsumer accessChanged;

    public Robots(Database database, LongConsumer accessChanged) {
        this.database = database;
        this.accessChanged = accessChanged;
    }

    public CreatedRobot create(long ownerId, String name, RobotKind kind) {
        Robot.requireName(name);
        String key = StreamKey.generate();
        Robot robot = database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(INSERT)) {
                st.setLong(1, ownerId);
                st.setString(2, name);
                st.setString(3, kind.wire());
                st.setBytes(4, StreamKey.hash(key));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return map(rs);
                }
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new ConflictException("a playroom robot already exists; there can be only one", e);
                }
                throw e;
            }
        });
        accessChanged.accept(robot.id());
        return new CreatedRobot(robot, key);
    }

    /** Replaces the key; the old one stops working at once. Empty if the robot does not exist. */
    public Optional<String> rotateKey(long robotId) {
        String key = StreamKey.generate();
        return setKey(robotId, key) ? Optional.of(key) : Optional.empty();
    }

    /** Gives the robot {@code key} (an operator's configured one); false if the robot does not exist. */
    public boolean setKey(long robotId, String key) {
        int updated = database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(ROTATE)) {
                st.setBytes(1, StreamKey.hash(key));
                st.setLong(2, robotId);
                return st.executeUpdate();
            }
        });
        accessChanged.accept(robotId);
        return updated == 1;
    }

    /** The playroom robot, if there is one (there is at most one). */
    public Optional<Robot> playroom() {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(PLAYROOM); ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.<Robot>empty();
            }
        });
    }

    public Optional<Robot> find(long robotId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(BY_ID)) {
                st.setLong(1, robotId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<Robot> ownedBy(long ownerId) {
        return list(BY_OWNER, ownerId);
    }

    /** Every robot, in id order: up to {@code limit} after the id {@code after} (the admin page). */
    public List<Robot> page(long after, int limit) {
        return list(PAGE, after, limit);
    }

    private List<Robot> list(String sql, long... parameters) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    st.setLong(i + 1, parameters[i]);
                }
                try (ResultSet rs = st.executeQuery()) {
                    List<Robot> robots = new ArrayList<>();
                    while (rs.next()) {
                        robots.add(map(rs));
                    }
                    return robots;
                }
            }
        });
    }

    public boolean delete(long robotId) {
        int deleted = database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(DELETE)) {
                st.setLong(1, robotId);
                return st.executeUpdate();
            }
        });
        accessChanged.accept(robotId);
        return deleted == 1;
    }

    private static Robot map(ResultSet rs) throws SQLException {
        return new Robot(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("name"),
                RobotKind.parse(rs.getString("kind")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
