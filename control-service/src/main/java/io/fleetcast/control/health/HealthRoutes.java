package io.fleetcast.control.health;

import io.fleetcast.control.http.Json;
import io.fleetcast.control.store.Database;
import io.fleetcast.control.store.Redis;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /health}: 200 when PostgreSQL and Redis both answer, else 503 naming what is down. */
public final class HealthRoutes implements Handler {
    private final Database database;
    private final Redis redis;
    private final Json json;

    public HealthRoutes(Database database, Redis redis, Json json) {
        this.database = database;
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        boolean db = database.ping();
        boolean cache = redis.ping();
        Health health = new Health(db && cache ? "UP" : "DOWN", db ? "UP" : "DOWN", cache ? "UP" : "DOWN");
        json.send(res, db && cache ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, health);
    }
}
