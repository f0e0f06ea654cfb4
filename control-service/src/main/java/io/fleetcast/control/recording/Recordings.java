package io.fleetcast.control.recording;

import io.fleetcast.control.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The recordings index in PostgreSQL: which segments exist, per robot, in time order. */
public final class Recordings {
    private static final String INSERT = "INSERT INTO recordings (robot_id, object_key, started_at, duration_us,"
            + " size_bytes, init_bytes) SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM robots WHERE id = ?)"
            + " ON CONFLICT (object_key) DO NOTHING";
    private static final String EXISTS = "SELECT robot_id FROM recordings WHERE object_key = ?";
    // started_at > from - 1 day keeps the index usable (no segment is longer than a day).
    private static final String OVERLAPPING = "SELECT object_key, started_at, duration_us, size_bytes, init_bytes"
            + " FROM recordings WHERE robot_id = ? AND started_at < ? AND started_at > ?"
            + " AND started_at + duration_us * interval '1 microsecond' > ? ORDER BY started_at, id LIMIT ?";
    private static final String OF_ROBOT = "SELECT object_key FROM recordings WHERE robot_id = ?";
    private static final String OLDER = "SELECT id, object_key FROM recordings WHERE started_at < ? ORDER BY id LIMIT ?";
    private static final String DELETE = "DELETE FROM recordings WHERE id = ANY (?)";
    private static final String DELETE_ROBOT = "DELETE FROM recordings WHERE robot_id = ?";

    private final Database database;

    public Recordings(Database database) {
        this.database = database;
    }

    /** Idempotent: the same object key again changes nothing. */
    public IndexResult add(long robotId, Segment segment) {
        return database.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(INSERT)) {
                st.setLong(1, robotId);
                st.setString(2, segment.key());
                st.setTimestamp(3, Timestamp.from(segment.start()));
                st.setLong(4, segment.duration().toNanos() / 1000);
                st.setLong(5, segment.size());
                st.setLong(6, segment.initSize());
                st.setLong(7, robotId);
                if (st.executeUpdate() == 1) {
                    return IndexResult.INDEXED;
                }
            }
            try (PreparedStatement st = c.prepareStatement(EXISTS)) {
                st.setString(1, segment.key());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return IndexResult.NO_SUCH_ROBOT;
                    }
                    return rs.getLong(1) == robotId ? IndexResult.ALREADY_INDEXED : IndexResult.KEY_OF_ANOTHER_ROBOT;
                }
            }
        });
    }

    /** Segments of the robot that play some time in [from, to), in time order, at most {@code limit}. */
    public List<Segment> overlapping(long robotId, Instant from, Instant to, int limit) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(OVERLAPPING)) {
                st.setLong(1, robotId);
                st.setTimestamp(2, Timestamp.from(to));
                st.setTimestamp(3, Timestamp.from(from.minus(1, ChronoUnit.DAYS)));
                st.setTimestamp(4, Timestamp.from(from));
                st.setInt(5, limit);
                try (ResultSet rs = st.executeQuery()) {
                    List<Segment> segments = new ArrayList<>();
                    while (rs.next()) {
                        segments.add(new Segment(rs.getString(1), rs.getTimestamp(2).toInstant(),
                                Duration.ofNanos(rs.getLong(3) * 1000), rs.getLong(4), rs.getLong(5)));
                    }
                    return segments;
                }
            }
        });
    }

    public List<String> keysOf(long robotId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(OF_ROBOT)) {
                st.setLong(1, robotId);
                try (ResultSet rs = st.executeQuery()) {
                    List<String> keys = new ArrayList<>();
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                    return keys;
                }
            }
        });
    }

    /** Up to {@code limit} segments that started before {@code cutoff}. */
    public List<StoredSegment> startedBefore(Instant cutoff, int limit) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(OLDER)) {
                st.setTimestamp(1, Timestamp.from(cutoff));
                st.setInt(2, limit);
                try (ResultSet rs = st.executeQuery()) {
                    List<StoredSegment> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new StoredSegment(rs.getLong(1), rs.getString(2)));
                    }
                    return rows;
                }
            }
        });
    }

    public int delete(List<StoredSegment> rows) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(DELETE)) {
                st.setArray(1, c.createArrayOf("bigint", rows.stream().map(StoredSegment::id).toArray()));
                return st.executeUpdate();
            }
        });
    }

    public int deleteRobot(long robotId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(DELETE_ROBOT)) {
                st.setLong(1, robotId);
                return st.executeUpdate();
            }
        });
    }
}
