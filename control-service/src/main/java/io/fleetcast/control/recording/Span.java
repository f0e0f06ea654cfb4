package io.fleetcast.control.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A stretch of continuous recording: segments back to back, gaps merged away between spans. */
public record Span(Instant start, Instant end, long size, int segments) {
    /** Segments closer than this are one span (MediaMTX starts the next where the last ended). */
    static final Duration JOIN = Duration.ofSeconds(1);

    /** {@code ordered} by start time; returns the spans in the same order. */
    public static List<Span> of(List<Segment> ordered) {
        List<Span> spans = new ArrayList<>();
        Span current = null;
        for (Segment segment : ordered) {
            if (current != null && !startsAfterGap(current.end(), segment)) {
                Instant end = segment.end().isAfter(current.end()) ? segment.end() : current.end();
                current = new Span(current.start(), end, current.size() + segment.size(), current.segments() + 1);
            } else {
                if (current != null) {
                    spans.add(current);
                }
                current = new Span(segment.start(), segment.end(), segment.size(), 1);
            }
        }
        if (current != null) {
            spans.add(current);
        }
        return spans;
    }

    /** True when {@code next} begins more than {@link #JOIN} after {@code previousEnd}. */
    static boolean startsAfterGap(Instant previousEnd, Segment next) {
        return next.start().isAfter(previousEnd.plus(JOIN));
    }
}
