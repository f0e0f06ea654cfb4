package io.fleetcast.control;

import io.fleetcast.control.bootstrap.BootstrapSettings;
import io.fleetcast.control.login.LoginLimits;
import io.fleetcast.control.mediamtx.MediaMtxApiSettings;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.socket.SocketSettings;
import io.fleetcast.control.store.PostgresTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The control service's settings, read once from the environment (documented key by key in
 * {@code config/control.env}). An empty PostgreSQL or Redis URL means "start an embedded one
 * under the data directory", which only dev mode allows. {@code hlsDir} (CONTROL_HLS_DIR) is a
 * directory of HLS the service serves under {@code /hls/} itself (the local stack's bridge
 * output when no media server runs).
 */
public record ControlConfig(Mode mode, String host, int port, String internalHost, int internalPort, Path dataDir,
                            Optional<PostgresTarget> postgres,
                            int poolSize, Optional<URI> redis, Optional<String> tokenSecret, Duration tokenTtl,
                            URI webrtcUrl, URI hlsUrl, Optional<URI> cdnUrl, String playroomPlaylist,
                            int authFailureLimit, Duration authFailureWindow, Duration accessCacheTtl,
                            SocketSettings sockets, QueueSettings queue, LoginLimits login, MediaMtxApiSettings mediamtxApi,
                            Optional<Path> hlsDir, BootstrapSettings bootstrap) {
    public ControlConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(mediamtxApi, "mediamtxApi");
        Objects.requireNonNull(hlsDir, "hlsDir");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(sockets, "sockets");
        Objects.requireNonNull(queue, "queue");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("CONTROL_PORT must be 0-65535, got " + port);
        }
        if (internalPort < 0 || internalPort > 65_535) {
            throw new IllegalArgumentException("CONTROL_INTERNAL_PORT must be 0-65535, got " + internalPort);
        }
        require(internalPort == 0 || internalPort != port,
                "CONTROL_INTERNAL_PORT must differ from CONTROL_PORT (" + port + "): internal routes are never public");
        if (mode == Mode.PRODUCTION) {
            require(postgres.isPresent(), "POSTGRES_URL is required when FLEETCAST_MODE=production");
            require(redis.isPresent(), "REDIS_URL is required when FLEETCAST_MODE=production");
            require(tokenSecret.isPresent(), "TOKEN_SECRET is required when FLEETCAST_MODE=production");
        }
        tokenSecret.ifPresent(secret -> require(secret.length() >= 32,
                "TOKEN_SECRET must be at least 32 characters (got " + secret.length() + ")"));
        require(poolSize >= 1, "POSTGRES_POOL_SIZE must be at least 1, got " + poolSize);
        require(authFailureLimit >= 1, "AUTH_FAILURE_LIMIT must be at least 1, got " + authFailureLimit);
        require(!tokenTtl.isNegative() && !tokenTtl.isZero(), "TOKEN_TTL_MINUTES must be positive");
    }

    public static ControlConfig fromEnv(Map<String, String> env) {
        EnvReader in = new EnvReader(env);
        Mode mode = in.mode("FLEETCAST_MODE", Mode.DEV);
        return new ControlConfig(
                mode,
                in.text("CONTROL_HOST", "0.0.0.0"),
                in.integer("CONTROL_PORT", 8080),
                in.text("CONTROL_INTERNAL_HOST", in.text("CONTROL_HOST", "0.0.0.0")),
                in.integer("CONTROL_INTERNAL_PORT", 8090),
                Path.of(in.text("FLEETCAST_DATA_DIR", ".fleetcast-data")),
                in.optional("POSTGRES_URL").map(url -> EnvReader.postgres(url,
                        in.optional("POSTGRES_USER").orElse(null), in.optional("POSTGRES_PASSWORD").orElse(null))),
                in.integer("POSTGRES_POOL_SIZE", 10),
                in.optional("REDIS_URL").map(url -> in.uri("REDIS_URL", url)),
                in.optional("TOKEN_SECRET"),
                Duration.ofMinutes(in.integer("TOKEN_TTL_MINUTES", 720)),
                in.uri("MEDIAMTX_WEBRTC_URL", in.text("MEDIAMTX_WEBRTC_URL", "http://localhost:8889")),
                in.uri("MEDIAMTX_HLS_URL", in.text("MEDIAMTX_HLS_URL", "http://localhost:8888")),
                in.optional("CDN_BASE_URL").map(url -> in.uri("CDN_BASE_URL", url)),
                in.text("PLAYROOM_PLAYLIST", "master.m3u8"),
                in.integer("AUTH_FAILURE_LIMIT", 20),
                Duration.ofSeconds(in.integer("AUTH_FAILURE_WINDOW_SECONDS", 60)),
                Duration.ofSeconds(in.integer("ACCESS_CACHE_TTL_SECONDS", 60)),
                SocketSettings.fromEnv(env),
                QueueSettings.fromEnv(env),
                LoginLimits.fromEnv(env),
                new MediaMtxApiSettings(in.optional("MEDIAMTX_API_URL").map(url -> in.uri("MEDIAMTX_API_URL", url)),
                        in.optional("MEDIAMTX_API_TOKEN")),
                in.optional("CONTROL_HLS_DIR").map(Path::of),
                BootstrapSettings.fromEnv(env));
    }

    public boolean devMode() {
        return mode == Mode.DEV;
    }

    public ControlConfig withPort(int newPort) {
        return new ControlConfig(mode, host, newPort, internalHost, internalPort, dataDir, postgres, poolSize, redis,
                tokenSecret, tokenTtl,
                webrtcUrl, hlsUrl, cdnUrl, playroomPlaylist, authFailureLimit, authFailureWindow, accessCacheTtl,
                sockets, queue, login, mediamtxApi, hlsDir, bootstrap);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return "ControlConfig[mode=" + mode + ", listen=" + host + ":" + port + ", internal=" + internalHost + ":" + internalPort
                + ", dataDir=" + dataDir
                + ", postgres=" + postgres.map(Object::toString).orElse("embedded")
                + ", redis=" + redis.map(EnvReader::withoutUserInfo).orElse("embedded")
                + ", tokenSecret=" + (tokenSecret.isPresent() ? "set" : "generated") + ", tokenTtl=" + tokenTtl
                + ", webrtc=" + webrtcUrl + ", hls=" + hlsUrl + ", cdn=" + cdnUrl.map(URI::toString).orElse("none")
                + ", authFailureLimit=" + authFailureLimit + "/" + authFailureWindow
                + ", loginLimits=" + login.accountLimit() + "/" + login.accountWindow() + " per account, "
                + login.addressLimit() + "/" + login.addressWindow() + " per address, trustedProxies="
                + login.trustedProxies() + ", " + mediamtxApi
                + ", " + bootstrap + "]";
    }
}
