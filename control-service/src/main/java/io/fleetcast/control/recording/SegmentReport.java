package io.fleetcast.control.recording;

import io.fleetcast.control.http.BadInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /internal/recordings}, as {@code hls_sync.sh} sends it once a segment
 * is stored: {@code {"path","key","start","duration","size","initSize"}} with {@code start} an
 * ISO-8601 instant and {@code duration} in seconds. {@link #segment()} validates it, naming
 * the field and the bad value.
 */
public record SegmentReport(String path, String key, String start, Double duration, Long size, Long initSize) {
    private static final Pattern ROBOT_PATH = Pattern.compile("robot_(\\d{1,18})");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_./-]{1,1024}");
    private static final Duration LONGEST = Duration.ofDays(1);

    /** The robot id in {@code path} ({@code robot_12}: 12); only robot paths are recorded. */
    public long robotId() {
        Matcher matcher = ROBOT_PATH.matcher(path == null ? "" : path);
        if (!matcher.matches()) {
            throw new BadInputException("path must be robot_<id>, got '" + path + "'");
        }
        return Long.parseLong(matcher.group(1));
    }

    public Segment segment() {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..") || key.startsWith("/")) {
            throw new BadInputException("key must be a relative object key of letters, digits and _./-, got '"
                    + key + "'");
        }
        Instant at;
        try {
            at = Instant.parse(required("start", start));
        } catch (DateTimeParseException e) {
            throw new BadInputException("start must be an ISO-8601 instant like 2026-01-01T12:00:00.000001Z, got '"
                    + start + "'", e);
        }
        if (duration == null || !(duration > 0) || duration > LONGEST.toSeconds()) {
            throw new BadInputException("duration must be seconds in (0, 86400], got " + duration);
        }
        if (size == null || size <= 0) {
            throw new BadInputException("size must be a positive byte count, got " + size);
        }
        if (initSize == null || initSize <= 0 || initSize >= size) {
            throw new BadInputException("initSize must be between 1 and size - 1 (" + (size - 1) + "), got " + initSize);
        }
        return new Segment(key, at, Duration.ofNanos(Math.round(duration * 1e9)), size, initSize);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(field + " is required");
        }
        return value;
    }
}
