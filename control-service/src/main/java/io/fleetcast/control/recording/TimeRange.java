package io.fleetcast.control.recording;

import io.fleetcast.control.http.BadInputException;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code ?from&to} of the recordings API: ISO-8601 instants, either may be left out (open). */
record TimeRange(Instant from, Instant to) {
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    TimeRange {
        if (!from.isBefore(to)) {
            throw new BadInputException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    static TimeRange of(ServerRequest request) {
        return new TimeRange(instant(request, "from").orElse(EARLIEST), instant(request, "to").orElse(LATEST));
    }

    private static Optional<Instant> instant(ServerRequest request, String name) {
        Optional<String> text = request.query().first(name).asOptional();
        try {
            return text.filter(value -> !value.isBlank()).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new BadInputException(name + " must be an ISO-8601 instant like 2026-01-01T12:00:00Z, got '"
                    + text.orElse("") + "'", e);
        }
    }
}
