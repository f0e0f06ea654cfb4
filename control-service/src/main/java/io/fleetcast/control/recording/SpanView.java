package io.fleetcast.control.recording;

/** A span as JSON: ISO-8601 start and end, bytes, segment count. */
record SpanView(String start, String end, long size, int segments) {
    static SpanView of(Span span) {
        return new SpanView(span.start().toString(), span.end().toString(), span.size(), span.segments());
    }
}
