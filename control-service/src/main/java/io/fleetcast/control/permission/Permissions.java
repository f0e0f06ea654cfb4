package io.fleetcast.control.permission;

import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** Grants in PostgreSQL; every change is reported to {@code accessChanged} so caches drop it. */
public final class Permissions {
    private static final String GRANT = "INSERT INTO permissions (robot_id, user_id, permission) VALUES (?, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    private static final String REVOKE = "DELETE FROM permissions WHERE robot_id = ? AND user_id = ? AND permission = ?";
    private static final String LIST = "SELECT p.robot_id, p.user_id, u.name, p.permission, p.granted_at "
            + "FROM permissions p JOIN users u ON u.id = p.user_id WHERE p.robot_id = ? ORDER BY u.name, p.permission";

    private final Database database;
    private final LongConsumer accessChanged;

    public Permissions(Database database, LongConsumer accessChanged) {
        this.database = database;
        this.accessChanged = accessChanged;
    }

    /** Idempotent; true when the grant is new. */
    public boolean grant(long robotId, long userId, Permission permission) {
        int inserted = database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(GRANT)) {
                st.setLong(1, robotId);
                st.setLong(2, userId);
                st.setString(3, permission.wire());
                return st.executeUpdate();
            } catch (SQLException e) {
                if ("23503".equals(e.getSQLState())) {
                    throw new NotFoundException("robot " + robotId + " or user " + userId + " does not exist", e);
                }
                throw e;
            }
        });
        accessChanged.accept(robotId);
        return inserted == 1;
    }

    /** True when a grant was removed. */
    public boolean revoke(long robotId, long userId, Permission permission) {
        int deleted = database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(REVOKE)) {
                st.setLong(1, robotId);
                st.setLong(2, userId);
                st.setString(3, permission.wire());
                return st.executeUpdate();
            }
        });
        accessChanged.accept(robotId);
        return deleted == 1;
    }

    public List<Grant> onRobot(long robotId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(LIST)) {
                st.setLong(1, robotId);
                try (ResultSet rs = st.executeQuery()) {
                    List<Grant> grants = new ArrayList<>();
                    while (rs.next()) {
                        grants.add(new Grant(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                Permission.parse(rs.getString(4)), rs.getTimestamp(5).toInstant()));
                    }
                    return grants;
                }
            }
        });
    }
}
