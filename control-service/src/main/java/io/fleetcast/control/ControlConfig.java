package io.fleetcast.control;

import io.fleetcast.config.EnvReader;
import io.fleetcast.config.Redacted;
import io.fleetcast.control.alert.AlertSettings;
import io.fleetcast.control.bootstrap.BootstrapSettings;
import io.fleetcast.control.login.LoginLimits;
import io.fleetcast.control.mediatoken.MediaTokenSettings;
import io.fleetcast.control.mediamtx.MediaMtxApiSettings;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.recording.RecordingSettings;
import io.fleetcast.control.relay.RedisTls;
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
                            int poolSize, Optional<URI> redis, RedisTls redisTls, Optional<String> tokenSecret, Duration tokenTtl,
                            URI webrtcUrl, URI hlsUrl, Optional<URI> cdnUrl, String playroomPlaylist,
                            int authFailureLimit, Duration authFailureWindow, Duration accessCacheTtl,
                            SocketSettings sockets, QueueSettings queue, LoginLimits login, MediaMtxApiSettings mediamtxApi,
                            Optional<Path> hlsDir, BootstrapSettings bootstrap, Optional<String> hookSecret,
                            Duration pathPoll, RecordingSettings recordings, MediaTokenSettings mediaTokens,
                            AlertSettings alerts) {
    public ControlConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(redisTls, "redisTls");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(mediamtxApi, "mediamtxApi");
        Objects.requireNonNull(hlsDir, "hlsDir");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(mediaTokens, "mediaTokens");
        Objects.requireNonNull(sockets, "sockets");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(hookSecret, "hookSecret");
        Objects.requireNonNull(recordings, "recordings");
        hookSecret.ifPresent(secret -> require(secret.length() >= 16,
                "MEDIAMTX_HOOK_SECRET must be at least 16 characters (got " + secret.length() + ")"));
        require(pathPoll.toSeconds() >= 1, "MEDIAMTX_POLL_SECONDS must be at least 1, got " + pathPoll.toSeconds());
        Objects.requireNonNull(alerts, "alerts");
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
        Mode mode = in.choice("FLEETCAST_MODE", Mode.DEV);
        return new ControlConfig(
                mode,
                in.text("CONTROL_HOST", "0.0.0.0"),
                in.integer("CONTROL_PORT", 8080, 0, 65_535),
                in.text("CONTROL_INTERNAL_HOST", in.text("CONTROL_HOST", "0.0.0.0")),
                in.integer("CONTROL_INTERNAL_PORT", 8090, 0, 65_535),
                Path.of(in.text("FLEETCAST_DATA_DIR", ".fleetcast-data")),
                in.optional("POSTGRES_URL").map(url -> in.parsed("POSTGRES_URL", url, text -> PostgresTarget.fromUrl(text,
                        in.optional("POSTGRES_USER").orElse(null), in.optional("POSTGRES_PASSWORD").orElse(null)))),
                in.integer("POSTGRES_POOL_SIZE", 10, 1, 1000),
                in.optionalUri("REDIS_URL"),
                in.optional("REDIS_TLS_CA_FILE").map(path -> in.parsed("REDIS_TLS_CA_FILE", path,
                        text -> RedisTls.trusting(Path.of(text)))).orElseGet(RedisTls::jvmDefault),
                in.optional("TOKEN_SECRET"),
                in.minutes("TOKEN_TTL_MINUTES", Duration.ofMinutes(720), 1, 525_600),
                in.uri("MEDIAMTX_WEBRTC_URL", "http://localhost:8889"),
                in.uri("MEDIAMTX_HLS_URL", "http://localhost:8888"),
                in.optionalUri("CDN_BASE_URL"),
                in.text("PLAYROOM_PLAYLIST", "master.m3u8"),
                in.integer("AUTH_FAILURE_LIMIT", 20, 1, Integer.MAX_VALUE),
                in.seconds("AUTH_FAILURE_WINDOW_SECONDS", Duration.ofSeconds(60), 1, 86_400),
                in.seconds("ACCESS_CACHE_TTL_SECONDS", Duration.ofSeconds(60), 0, 86_400),
                SocketSettings.fromEnv(env),
                QueueSettings.fromEnv(env),
                LoginLimits.fromEnv(env),
                new MediaMtxApiSettings(in.optionalUri("MEDIAMTX_API_URL"), in.optional("MEDIAMTX_API_TOKEN")),
                in.optional("CONTROL_HLS_DIR").map(Path::of),
                BootstrapSettings.fromEnv(env),
                in.optional("MEDIAMTX_HOOK_SECRET"),
                Duration.ofSeconds(in.integer("MEDIAMTX_POLL_SECONDS", 10, 1, 3600)),
                RecordingSettings.fromEnv(env),
                MediaTokenSettings.fromEnv(env),
                AlertSettings.fromEnv(env));
    }

    public boolean devMode() {
        return mode == Mode.DEV;
    }

    public ControlConfig withPort(int newPort) {
        return new ControlConfig(mode, host, newPort, internalHost, internalPort, dataDir, postgres, poolSize, redis,
                redisTls, tokenSecret, tokenTtl,
                webrtcUrl, hlsUrl, cdnUrl, playroomPlaylist, authFailureLimit, authFailureWindow, accessCacheTtl,
                sockets, queue, login, mediamtxApi, hlsDir, bootstrap, hookSecret, pathPoll, recordings,
                mediaTokens, alerts);
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
                + ", redis=" + redis.map(Redacted::url).orElse("embedded") + " (" + redisTls + ")"
                + ", tokenSecret=" + (tokenSecret.isPresent() ? "set" : "generated") + ", tokenTtl=" + tokenTtl
                + ", webrtc=" + webrtcUrl + ", hls=" + hlsUrl + ", cdn=" + cdnUrl.map(URI::toString).orElse("none")
                + ", authFailureLimit=" + authFailureLimit + "/" + authFailureWindow
                + ", loginLimits=" + login.accountLimit() + "/" + login.accountWindow() + " per account, "
                + login.addressLimit() + "/" + login.addressWindow() + " per address, trustedProxies="
                + login.trustedProxies() + ", " + mediamtxApi
                + ", hookSecret=" + (hookSecret.isPresent() ? "set" : "unset") + ", pathPoll=" + pathPoll.toSeconds()
                + "s, " + recordings + ", " + bootstrap + ", " + alerts + "]";
    }
}
