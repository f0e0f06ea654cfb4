package io.fleetcast.control;

import io.fleetcast.config.Closer;
import io.fleetcast.control.local.LocalPostgres;
import io.fleetcast.control.local.LocalRedis;
import io.fleetcast.control.local.ServiceLock;
import io.fleetcast.control.relay.RedisAddress;
import io.fleetcast.control.store.Database;
import io.fleetcast.control.store.PostgresTarget;
import io.fleetcast.control.store.Redis;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;

/**
 * PostgreSQL (migrated) and Redis as configured, or embedded ones under the data directory when
 * their URLs are unset. Shared by the server and the admin command line.
 */
public final class Stores implements AutoCloseable {
    private final Closer closer = new Closer();
    private final Database database;
    private final Redis redis;

    private Stores(ControlConfig config, MeterRegistry registry, boolean service) {
        try {
            // A service adopts embedded servers left running by a killed service (and stops them
            // when it stops); the admin command only ever borrows them.
            boolean adopt = service && !ServiceLock.heldByAnother(config.dataDir());
            boolean embedded = config.postgres().isEmpty() || config.redis().isEmpty();
            if (service && embedded) {
                closer.add(ServiceLock.claim(config.dataDir()));
            }
            PostgresTarget postgres = config.postgres().orElseGet(() -> closer.add(
                    LocalPostgres.attachOrStart(config.dataDir().resolve("postgres"), adopt)).target());
            URI redisUri = config.redis().orElseGet(() -> closer.add(
                    LocalRedis.attachOrStart(config.dataDir().resolve("redis"), adopt)).uri());
            this.database = closer.add(new Database(postgres, config.poolSize(), registry));
            this.database.migrate();
            this.redis = closer.add(new Redis(new RedisAddress(redisUri, config.redisTls()), 16));
            this.redis.requireTrustedTls();
        } catch (RuntimeException e) {
            closer.closeAfter(e);
            throw e;
        }
    }

    /** For the service: embedded servers found running without a live service are adopted. */
    public static Stores forService(ControlConfig config, MeterRegistry registry) {
        return open(config, registry, true);
    }

    /** For short-lived tools (the admin command): embedded servers found running are borrowed. */
    public static Stores forTool(ControlConfig config, MeterRegistry registry) {
        return open(config, registry, false);
    }

    private static Stores open(ControlConfig config, MeterRegistry registry, boolean service) {
        if (!config.devMode() && (config.postgres().isEmpty() || config.redis().isEmpty())) {
            throw new IllegalArgumentException("embedded PostgreSQL/Redis are for dev mode only");
        }
        return new Stores(config, registry, service);
    }

    public Database database() {
        return database;
    }

    public Redis redis() {
        return redis;
    }

    @Override
    public void close() {
        closer.close();
    }
}
