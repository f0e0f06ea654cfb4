package io.fleetcast.control.live;

import io.fleetcast.control.protocol.Video;
import io.fleetcast.control.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether each robot's media path is publishing, in PostgreSQL ({@code robot_video}). A change
 * is one conditional upsert, so when several instances hear the same hook or poll, exactly one
 * of them sees the change and announces it.
 */
public final class VideoStates {
    private static final String SET = "INSERT INTO robot_video (robot_id, live, since)"
            + " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM robots WHERE id = ?)"
            + " ON CONFLICT (robot_id) DO UPDATE SET live = EXCLUDED.live, since = EXCLUDED.since, updated_at = now()"
            + " WHERE robot_video.live IS DISTINCT FROM EXCLUDED.live RETURNING live, since";
    private static final String ONE = "SELECT live, since FROM robot_video WHERE robot_id = ?";
    private static final String SOME = "SELECT robot_id, live, since FROM robot_video WHERE robot_id = ANY (?)";
    private static final String LIVE = "SELECT robot_id FROM robot_video WHERE live";

    private final Database database;

    public VideoStates(Database database) {
        this.database = database;
    }

    /** The new state when this call changed it; empty when it already was so (or no such robot). */
    public Optional<Video> set(long robotId, boolean live, Instant since) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(SET)) {
                st.setLong(1, robotId);
                st.setBoolean(2, live);
                st.setTimestamp(3, Timestamp.from(since));
                st.setLong(4, robotId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(video(rs, 1)) : Optional.<Video>empty();
                }
            }
        });
    }

    public Video of(long robotId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(ONE)) {
                st.setLong(1, robotId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? video(rs, 1) : Video.NEVER;
                }
            }
        });
    }

    /** The state of each of {@code robotIds} that has one. */
    public Map<Long, Video> of(Collection<Long> robotIds) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(SOME)) {
                st.setArray(1, c.createArrayOf("bigint", robotIds.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    Map<Long, Video> states = new HashMap<>();
                    while (rs.next()) {
                        states.put(rs.getLong(1), video(rs, 2));
                    }
                    return states;
                }
            }
        });
    }

    public Set<Long> live() {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(LIVE); ResultSet rs = st.executeQuery()) {
                Set<Long> robots = new HashSet<>();
                while (rs.next()) {
                    robots.add(rs.getLong(1));
                }
                return robots;
            }
        });
    }

    private static Video video(ResultSet rs, int first) throws SQLException {
        return new Video(rs.getBoolean(first), rs.getTimestamp(first + 1).toInstant().toString());
    }
}
