package io.fleetcast.control.access;

import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Reads one robot's access facts from PostgreSQL (cache misses only). */
final class AccessLoader {
    private static final String ROBOT = "SELECT id, owner_id, kind, stream_key_hash FROM robots WHERE id = ?";
    private static final String PLAYROOM = "SELECT id, owner_id, kind, stream_key_hash FROM robots WHERE kind = 'playroom'";
    private static final String GRANTS = "SELECT user_id, permission FROM permissions WHERE robot_id = ?";

    private final Database database;

    AccessLoader(Database database) {
        this.database = database;
    }

    Optional<RobotAccess> robot(long robotId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(ROBOT)) {
                st.setLong(1, robotId);
                return read(c, st);
            }
        });
    }

    Optional<RobotAccess> playroom() {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(PLAYROOM)) {
                return read(c, st);
            }
        });
    }

    private static Optional<RobotAccess> read(Connection c, PreparedStatement robotQuery) throws SQLException {
        long id;
        long owner;
        RobotKind kind;
        byte[] hash;
        try (ResultSet rs = robotQuery.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            id = rs.getLong(1);
            owner = rs.getLong(2);
            kind = RobotKind.parse(rs.getString(3));
            hash = rs.getBytes(4);
        }
        Set<Long> viewers = new HashSet<>();
        Set<Long> drivers = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement(GRANTS)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ("drive".equals(rs.getString(2)) ? drivers : viewers).add(rs.getLong(1));
                }
            }
        }
        return Optional.of(new RobotAccess(id, owner, kind, hash, viewers, drivers));
    }
}
