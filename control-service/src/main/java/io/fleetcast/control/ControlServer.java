package io.fleetcast.control;

import io.fleetcast.config.Closer;
import io.fleetcast.control.access.AccessCache;
import io.fleetcast.control.access.AccessInvalidation;
import io.fleetcast.control.access.RobotAccess;
import io.fleetcast.control.auth.AuthAudit;
import io.fleetcast.control.auth.AuthPolicy;
import io.fleetcast.control.auth.AuthRoutes;
import io.fleetcast.control.auth.FailureLimiter;
import io.fleetcast.control.auth.PlayroomDriver;
import io.fleetcast.control.bootstrap.Bootstrap;
import io.fleetcast.control.health.HealthRoutes;
import io.fleetcast.control.health.OptionalParts;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.recording.Archive;
import io.fleetcast.control.recording.RecordingRoutes;
import io.fleetcast.control.recording.RecordingSettings;
import io.fleetcast.control.recording.Recordings;
import io.fleetcast.control.recording.Retention;
import io.fleetcast.control.recording.SegmentStorage;
import io.fleetcast.control.live.LiveStatus;
import io.fleetcast.control.live.PathPoller;
import io.fleetcast.control.live.PathRoutes;
import io.fleetcast.control.live.VideoStates;
import io.fleetcast.control.http.Listener;
import io.fleetcast.control.login.ClientAddress;
import io.fleetcast.control.login.LoginLimiter;
import io.fleetcast.control.login.LoginRoutes;
import io.fleetcast.control.mediamtx.HookSecret;
import io.fleetcast.control.mediamtx.MediaMtxApi;
import io.fleetcast.control.mediamtx.ReaderSessions;
import io.fleetcast.control.mediamtx.SessionKicker;
import io.fleetcast.control.mediatoken.MediaGrants;
import io.fleetcast.control.mediatoken.MediaKeys;
import io.fleetcast.control.mediatoken.MediaTokenRoutes;
import io.fleetcast.control.mediatoken.MediaTokens;
import io.fleetcast.control.metrics.MetricsRoutes;
import io.fleetcast.control.metrics.Registries;
import io.fleetcast.control.permission.PermissionRoutes;
import io.fleetcast.control.permission.Permissions;
import io.fleetcast.control.queue.PlayroomAdminRoutes;
import io.fleetcast.control.queue.QueueDrivesPlayroom;
import io.fleetcast.control.robot.OwnedRobots;
import io.fleetcast.control.robot.RobotRoutes;
import io.fleetcast.control.robot.Robots;
import io.fleetcast.control.socket.ControlSockets;
import io.fleetcast.control.socket.FleetAccess;
import io.fleetcast.control.store.DatabaseWatch;
import io.fleetcast.control.stream.HlsFiles;
import io.fleetcast.control.stream.StreamInfoRoutes;
import io.fleetcast.control.token.AccountEvents;
import io.fleetcast.control.token.Bearer;
import io.fleetcast.control.token.SigningSecret;
import io.fleetcast.control.token.StandingCache;
import io.fleetcast.control.token.TokenStore;
import io.fleetcast.control.token.Tokens;
import io.fleetcast.control.ui.ContentSecurityPolicy;
import io.fleetcast.control.ui.PageRoutes;
import io.fleetcast.control.user.AdminUserRoutes;
import io.fleetcast.control.user.PasswordHasher;
import io.fleetcast.control.user.UserRoutes;
import io.fleetcast.control.user.Users;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The running service: builds every part from the config, serves HTTP, closes in reverse order. */
public final class ControlServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ControlServer.class.getName());

    private final Closer closer = new Closer();
    private final Stores stores;
    private final Tokens tokens;
    private final AccessCache access;
    private final Users users;
    private final Robots robots;
    private final Permissions permissions;
    private final TokenStore revocations;
    private final PrometheusMeterRegistry registry;
    private final ControlSockets sockets;
    private final Retention retention;
    private final WebServer server;

    /** {@code playroomDriver} null: the playroom queue decides who reads the playroom over WebRTC. */
    private ControlServer(ControlConfig config, PlayroomDriver playroomDriver, Consumer<HttpRouting.Builder> extraRoutes) {
        Clock clock = Clock.systemUTC();
        Json json = new Json();
        // Read before anything starts: a bad MEDIA_JWT_KEYS_FILE is a configuration error (exit 2).
        Optional<MediaKeys> mediaKeys = MediaKeys.forService(config.mediaTokens(), config.devMode(), config.dataDir());
        registry = Registries.prometheus();
        closer.add(registry::close);
        try {
            closer.add(Registries.gc(registry));
            stores = closer.add(Stores.forService(config, registry));
            revocations = new TokenStore(stores.database());
            StandingCache standings = new StandingCache(revocations::standing, config.accessCacheTtl());
            byte[] secret = SigningSecret.configuredOrPersisted(config.tokenSecret(), config.devMode(), config.dataDir());
            tokens = new Tokens(secret, config.tokenTtl(), clock, standings);
            access = new AccessCache(stores.database(), config.accessCacheTtl());
            AccessInvalidation invalidation = closer.add(new AccessInvalidation(access, stores.redis()));
            robots = new Robots(stores.database(), invalidation);
            permissions = new Permissions(stores.database(), invalidation);
            DatabaseWatch watch = closer.add(new DatabaseWatch(stores.database(), Duration.ofMillis(200)));
            AuthAudit audit = closer.add(new AuthAudit(stores.database(), registry));
            Bearer bearer = new Bearer(tokens);
            VideoStates videos = new VideoStates(stores.database());
            sockets = closer.add(new ControlSockets(new FleetAccess(access, tokens),
                    stores.redis().address(), config.sockets(), config.queue(), config.alerts(), registry, clock, videos::of));
            LiveStatus live = new LiveStatus(videos, sockets::videoChanged);
            config.mediamtxApi().url().ifPresent(api -> closer.add(new PathPoller(api, config.mediamtxApi().token()
                    .orElseThrow(), live, clock).start(config.pathPoll())));
            HookSecret hooks = new HookSecret(config.hookSecret());
            Recordings recordings = new Recordings(stores.database());
            SegmentStorage storage = closer.add(SegmentStorage.of(config.recordings(), secret, clock));
            Archive archive = new Archive(recordings, storage.store());
            retention = closer.add(new Retention(archive, config.recordings().retention(), stores.redis(), clock)
                    .start());
            ReaderSessions readers = new ReaderSessions(kicker(config), standings);
            AccountEvents accounts = closer.add(new AccountEvents(standings, stores.redis(),
                    new CredentialsRevoked(sockets, readers)));
            users = new Users(stores.database(), new PasswordHasher(), accounts);
            Bootstrap.apply(config.bootstrap(), users, robots);
            PlayroomDriver driver = playroomDriver != null ? playroomDriver : new QueueDrivesPlayroom(sockets.queue());
            Gauge.builder("fleetcast_database_up", watch, w -> w.up() ? 1 : 0)
                    .description("1 while this instance's background ping reaches PostgreSQL").register(registry);
            Gauge.builder("fleetcast_control_sockets", sockets, ControlSockets::sockets)
                    .description("control WebSockets held by this instance").register(registry);
            Deps deps = new Deps(json,
                    new HealthRoutes(stores.database(), stores.redis(), json,
                            OptionalParts.of(config, mediaKeys.isPresent(), sockets.alerts()::webhook)),
                    new MetricsRoutes(registry, bearer),
                    new AuthRoutes(new AuthPolicy(access, tokens, driver, config.bootstrap().bridgeReadToken(),
                                    config.mediamtxApi().token()),
                            new FailureLimiter(config.authFailureLimit(), config.authFailureWindow()),
                            audit, watch, json, clock, registry, readers::opened),
                    new StreamInfoRoutes(config.webrtcUrl(), config.hlsUrl(), config.cdnUrl(), config.playroomPlaylist(),
                            () -> access.playroom().map(RobotAccess::robotId), json),
                    new UserRoutes(users, bearer, json),
                    new LoginRoutes(users, tokens, revocations, accounts, bearer,
                            new LoginLimiter(stores.redis(), config.login()),
                            new ClientAddress(config.login().trustedProxies()), json),
                    new AdminUserRoutes(users, bearer, json),
                    new RobotRoutes(robots, live, archive::deleteRobot, bearer, json),
                    new PermissionRoutes(permissions, new OwnedRobots(robots), users, bearer, json),
                    sockets,
                    new PlayroomAdminRoutes(sockets.queue(), sockets.queueChanges(),
                            () -> access.playroom().map(RobotAccess::robotId), bearer, json),
                    new PageRoutes(new ContentSecurityPolicy(mediaUrls(config))), new HlsFiles(config.hlsDir()),
                    new PathRoutes(live, access, hooks, json, clock),
                    new RecordingRoutes(recordings, storage.store(), config.recordings().urlLifetime(), access, hooks,
                            bearer, json),
                    storage.files(),

                    mediaTokenRoutes(config, mediaKeys, access, driver, bearer, json, clock));
            server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    // Control frames are small and latency-bound: never hold them back (Nagle).
                    .connectionOptions(options -> options.tcpNoDelay(true))
                    .addProtocol(sockets.websocketProtocol())
                    .routing(routing -> {
                        Listener.PUBLIC.guard(routing);
                        Main.routing(routing, deps);
                    })
                    .addRouting(sockets.websocketRouting())
                    // Never published: the media gateway's webhook and hooks, and the scraper.
                    .putSocket(Listener.INTERNAL_SOCKET, socket -> socket
                            .host(config.internalHost())
                            .port(config.internalPort())
                            .connectionOptions(options -> options.tcpNoDelay(true))
                            .routing(routing -> {
                                Listener.INTERNAL.guard(routing);
                                extraRoutes.accept(routing);
                                Main.routing(routing, deps);
                            }))
                    .build()
                    .start();
            closer.add(server::stop);
        } catch (RuntimeException e) {
            closer.closeAfter(e);
            throw e;
        }
        LOG.log(Level.INFO, "control service listening on port " + server.port() + " (internal routes on port "
                + internalPort() + ") with " + config);
    }

    /** The JWT mode's keys, grants and endpoints (MediaMTX's {@code authMethod: jwt}). */
    private static MediaTokenRoutes mediaTokenRoutes(ControlConfig config, Optional<MediaKeys> keys, AccessCache access,
                                                     PlayroomDriver driver, Bearer bearer, Json json, Clock clock) {
        Optional<MediaGrants> grants = keys.map(k -> new MediaGrants(access, driver,
                new MediaTokens(k, config.mediaTokens(), clock)));
        return new MediaTokenRoutes(keys, grants, bearer,
                new FailureLimiter(config.authFailureLimit(), config.authFailureWindow()), config.authFailureWindow(),
                json);
    }

    /** The origins the pages may reach besides this service: MediaMTX and the CDN. */
    private static List<URI> mediaUrls(ControlConfig config) {
        List<URI> urls = new ArrayList<>(List.of(config.webrtcUrl(), config.hlsUrl()));
        config.cdnUrl().ifPresent(urls::add);
        RecordingSettings recordings = config.recordings();
        // Local mode serves recordings from this origin; S3 mode from the store or its CDN.
        recordings.bucket().ifPresent(bucket -> urls.add(recordings.playerOrigin().orElseGet(
                () -> URI.create("https://" + bucket + ".s3." + recordings.region() + ".amazonaws.com"))));
        return urls;
    }

    private SessionKicker kicker(ControlConfig config) {
        return config.mediamtxApi().url().<SessionKicker>map(uri -> closer.add(new MediaMtxApi(uri,
                        config.mediamtxApi().token().orElseThrow())))
                .orElse(SessionKicker.NONE);
    }

    public static ControlServer start(ControlConfig config) {
        return start(config, null);
    }

    public static ControlServer start(ControlConfig config, PlayroomDriver playroomDriver) {
        return new ControlServer(config, playroomDriver, routing -> { });
    }

    /** With routes of the caller's ahead of the internal listener's table (the benchmark's empty handler). */
    public static ControlServer start(ControlConfig config, PlayroomDriver playroomDriver,
                                      Consumer<HttpRouting.Builder> extraRoutes) {
        return new ControlServer(config, playroomDriver, extraRoutes);
    }

    public int port() {
        return server.port();
    }

    public URI uri() {
        return URI.create("http://localhost:" + server.port());
    }

    /** The port of the internal listener ({@code /internal/*}, {@code /metrics}). */
    public int internalPort() {
        return server.port(Listener.INTERNAL_SOCKET);
    }

    public URI internalUri() {
        return URI.create("http://localhost:" + internalPort());
    }

    public Stores stores() {
        return stores;
    }

    public Tokens tokens() {
        return tokens;
    }

    public AccessCache access() {
        return access;
    }

    public Users users() {
        return users;
    }

    public Robots robots() {
        return robots;
    }

    public Permissions permissions() {
        return permissions;
    }

    public ControlSockets sockets() {
        return sockets;
    }

    /** The recordings retention job (tests run it at once rather than wait for the hour). */
    public Retention retention() {
        return retention;
    }

    public TokenStore revocations() {
        return revocations;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        closer.close();
    }
}
