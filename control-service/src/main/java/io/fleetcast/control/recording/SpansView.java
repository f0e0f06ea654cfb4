package io.fleetcast.control.recording;

import java.util.List;

/** The answer of {@code GET /api/robots/{id}/recordings}. */
record SpansView(long robot, List<SpanView> spans) {
}
