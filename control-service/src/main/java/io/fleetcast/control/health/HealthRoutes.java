package io.fleetcast.control.health;

import io.fleetcast.control.http.Json;
import io.fleetcast.control.store.Database;
import io.fleetcast.control.store.Redis;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 when PostgreSQL and Redis both answer, else 503 naming what is down.
 * The optional parts (the alert webhook...) are listed with their state, but a part that is
 * down does not make the service unhealthy: it fails alone.
 */
public final class HealthRoutes implements Handler {
    private final Database database;
    private final Redis redis;
    private final Json json;
    private final Map<String, Supplier<Part>> parts;

    public HealthRoutes(Database database, Redis redis, Json json, Map<String, Supplier<Part>> parts) {
        this.database = database;
        this.redis = redis;
        this.json = json;
        this.parts = new TreeMap<>(parts);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        boolean db = database.ping();
        boolean cache = redis.ping();
        Map<String, Part> now = new LinkedHashMap<>();
        parts.forEach((name, part) -> now.put(name, part.get()));
        Health health = new Health(db && cache ? "UP" : "DOWN", db ? "UP" : "DOWN", cache ? "UP" : "DOWN", now);
        json.send(res, db && cache ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, health);
    }
}
