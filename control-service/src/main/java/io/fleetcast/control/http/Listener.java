package io.fleetcast.control.http;

import io.helidon.webserver.http.HttpRouting;

/**
 * The two listeners and the one rule that splits the routing table between them: everything
 * under {@code /internal/} (the media gateway's auth webhook and any hook added later) and
 * {@code /metrics} belong to the internal listener ({@code CONTROL_INTERNAL_PORT}), which is
 * never published; the rest to the public one. Both listeners get the whole table from
 * {@code Main.routing} behind {@link #guard}, so a new internal route lands on the internal
 * listener by its path alone and the public one answers 404 for it.
 */
public enum Listener {
    PUBLIC,
    INTERNAL;

    /** The Helidon name of the internal socket ({@code @default} is the public one). */
    public static final String INTERNAL_SOCKET = "internal";

    private static final String INTERNAL_ROOT = "/internal";
    private static final String METRICS = "/metrics";
    private static final String HEALTH = "/health";

    /** Whether a request path (decoded, as Helidon routes it) is internal. */
    public static boolean internal(String path) {
        return under(path, INTERNAL_ROOT) || under(path, METRICS);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Whether this listener answers the path; {@code /health} is on both (probes of either port). */
    public boolean serves(String path) {
        return switch (this) {
            case PUBLIC -> !internal(path);
            case INTERNAL -> internal(path) || path.equals(HEALTH);
        };
    }

    /** Adds, ahead of every route, the filter that answers a JSON 404 for paths this listener does not serve. */
    public void guard(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            String path = req.path().path();
            if (!serves(path)) {
                throw new NotFoundException("no such endpoint: " + req.prologue().method().text() + " " + path);
            }
            chain.proceed();
        });
    }
}
