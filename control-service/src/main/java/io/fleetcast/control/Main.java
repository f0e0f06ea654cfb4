package io.fleetcast.control;

import io.fleetcast.control.admin.AdminCli;
import io.fleetcast.control.http.ErrorMapping;
import io.fleetcast.control.http.NotFoundException;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;

/**
 * Entry point. No arguments (or {@code serve}): run the service. Otherwise an admin command,
 * e.g. {@code create-user alice} (see {@link AdminCli}).
 */
public final class Main {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        if (args.length > 0 && !"serve".equals(args[0])) {
            System.exit(new AdminCli(System.getenv(), System.in, System.out, System.err).run(args));
        }
        ControlServer server;
        try {
            server = ControlServer.start(ControlConfig.fromEnv(System.getenv()));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "control service failed to start: " + e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "control-shutdown"));
        System.out.println("Fleetcast control service: http://localhost:" + server.port() + "/");
    }

    /**
     * The HTTP routing table, used by {@link ControlServer} and tests alike. Both listeners get it
     * behind {@link io.fleetcast.control.http.Listener#guard}: a path decides its listener.
     */
    public static void routing(HttpRouting.Builder routing, Deps deps) {
        ErrorMapping.register(routing, deps.json());
        routing.get("/", deps.pages()::playroom)
                .get("/dashboard", deps.pages()::dashboard)
                .get("/admin", deps.pages()::admin)
                .get("/ui/vendor/{file}", deps.pages()::vendor)
                .get("/ui/{file}", deps.pages()::file)
                .get("/health", deps.health())
                // /internal/* and /metrics answer on the internal listener only (http.Listener).
                .get("/metrics", deps.metrics())
                .post("/internal/auth", deps.auth())
                .post("/internal/paths/{path}/available", deps.paths()::available)
                .post("/internal/paths/{path}/unavailable", deps.paths()::unavailable)
                .post("/internal/recordings", deps.recordings()::index)
                .get("/.well-known/jwks.json", deps.mediaTokens()::jwks)
                .post("/api/media/token", deps.mediaTokens()::read)
                .post("/api/media/publish-token", deps.mediaTokens()::publish)
                .get("/api/stream/info", deps.streamInfo())
                .get("/hls/*", deps.hls())
                .post("/api/users", deps.users()::create)
                .post("/api/login", deps.login()::login)
                .post("/api/auth/logout", deps.login()::logout)
                .post("/api/auth/password", deps.login()::changePassword)
                .get("/api/me", deps.users()::me)
                .get("/api/admin/metrics", deps.metrics()::operators)
                .get("/api/admin/users", deps.admin()::list)
                .post("/api/admin/users/{id}/disable", deps.admin()::disable)
                .post("/api/admin/users/{id}/enable", deps.admin()::enable)
                .get("/api/admin/robots", deps.robots()::listAll)
                .get("/api/admin/playroom", deps.playroomAdmin()::status)
                .post("/api/admin/playroom/skip", deps.playroomAdmin()::skip)
                .post("/api/admin/playroom/clear", deps.playroomAdmin()::clear)
                .post("/api/robots", deps.robots()::create)
                .get("/api/robots", deps.robots()::listMine)
                .get("/api/robots/{id}", deps.robots()::get)
                .delete("/api/robots/{id}", deps.robots()::delete)
                .post("/api/robots/{id}/key", deps.robots()::rotateKey)
                .get("/api/robots/{id}/permissions", deps.permissions()::list)
                .post("/api/robots/{id}/permissions", deps.permissions()::grant)
                .delete("/api/robots/{id}/permissions/{user}/{permission}", deps.permissions()::revoke)
                .get("/api/robots/{id}/queue", deps.sockets().queueStatus())
                .get("/api/robots/{id}/recordings", deps.recordings()::list)
                .get("/api/robots/{id}/recordings.m3u8", deps.recordings()::playlist)
                .get("/recordings/files/*", deps.segmentFiles())
                .get("/api/robots/{id}/alerts", deps.sockets().alertHistory())
                // WS /control/robot_{id} is routed by ControlServer; refused upgrades land here.
                .get("/control/{robot}", deps.sockets().refusedUpgrade())
                // Keep last: anything not routed above is a JSON 404 (deny by default).
                .any((req, res) -> {
                    throw new NotFoundException("no such endpoint: " + req.prologue().method().text() + " "
                            + req.path().path());
                });
    }
}
