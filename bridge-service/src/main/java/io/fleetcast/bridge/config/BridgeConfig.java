package io.fleetcast.bridge.config;

import io.fleetcast.bridge.audio.AudioSettings;
import io.fleetcast.bridge.broadcast.SlateSettings;
import io.fleetcast.bridge.encoder.EncoderOptions;
import io.fleetcast.bridge.gpu.DecodeMode;
import io.fleetcast.bridge.hls.HlsSettings;
import io.fleetcast.bridge.ingest.InputPolicy;
import io.fleetcast.bridge.ingest.InputSettings;
import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.bridge.restream.RestreamSettings;
import io.fleetcast.bridge.s3.S3Settings;
import io.fleetcast.config.ConfigException;
import io.fleetcast.config.EnvReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the bridge reads from its environment (documented in config/bridge.env). */
public record BridgeConfig(InputPolicy inputPolicy, Optional<String> autostartUrl, ApiSettings api, Path hlsDir, HlsSettings hls, Ladder ladder,
                           List<String> encoders, EncoderOptions encoderOptions, int encoderThreads,
                           long audioBitRate, double gopSeconds, int cudaDevice, DecodeMode decode,
                           SlateSettings slate, Duration metricsLogInterval, System.Logger.Level ffmpegLogLevel, boolean dryRun,
                           AudioSettings audio, List<RestreamSettings> restream,
                           Optional<S3Settings> s3) {
    public BridgeConfig {
        encoders = List.copyOf(encoders);
        autostartUrl = autostartUrl.filter(url -> !url.isBlank());
        restream = List.copyOf(restream);
        if (gopSeconds > hls.segmentSeconds() + 1e-9) {
            throw new ConfigException("GOP_SECONDS (" + gopSeconds + ") must not exceed HLS_SEGMENT_SECONDS ("
                    + hls.segmentSeconds() + "): a segment must start with a keyframe");
        }
    }

    /** The broadcast started at boot ({@code AUTOSTART_INPUT_URL}); fails when there is none. */
    public InputSettings input() {
        return inputPolicy.forUrl(autostartUrl.orElseThrow(() ->
                new ConfigException("AUTOSTART_INPUT_URL (or INPUT_URL) is not set: no broadcast starts at boot")));
    }

    public static BridgeConfig fromEnv(Map<String, String> env) {
        EnvReader read = new EnvReader(env);
        // INPUT_URL is today's name, kept as an alias so existing run commands and compose files work.
        String url = read.text("AUTOSTART_INPUT_URL", read.text("INPUT_URL", ""));
        Duration timeout = Duration.ofMillis(Math.round(read.decimal("INPUT_TIMEOUT_SECONDS", 10, 0.5, 600) * 1000));
        int probeSize = read.integer("INPUT_PROBE_SIZE", InputSettings.DEFAULT_PROBE_SIZE, 32, 50_000_000);
        int analyze = read.integer("INPUT_ANALYZE_MICROS", InputSettings.DEFAULT_ANALYZE_MICROS, 0, 30_000_000);
        Duration reconnectMin = Duration.ofMillis(read.integer("RECONNECT_MIN_MS", 500, 10, 600_000));
        Duration reconnectMax = Duration.ofMillis(read.integer("RECONNECT_MAX_MS", 10_000, 10, 600_000));
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new ConfigException("RECONNECT_MAX_MS (" + reconnectMax.toMillis() + ") must not be below RECONNECT_MIN_MS ("
                    + reconnectMin.toMillis() + ")");
        }
        InputPolicy input = new InputPolicy(timeout, probeSize, analyze, reconnectMin, reconnectMax);

        HlsSettings hls = new HlsSettings(
                read.decimal("HLS_SEGMENT_SECONDS", 2, 0.5, 60),
                read.integer("HLS_LIST_SIZE", 6, 0, 100_000));
        Ladder ladder = new Ladder(read.parsed("LADDER", Ladder.DEFAULT, Rung::parseAll),
                read.decimal("MAX_FPS", 0, 0, 240));
        List<String> encoders = read.parsed("ENCODERS", String.join(",", EncoderOptions.KNOWN), BridgeConfig::encoders);
        EncoderOptions options = new EncoderOptions(read.text("X264_PRESET", "veryfast"),
                read.text("NVENC_PRESET", "p4"));
        return new BridgeConfig(input, Optional.of(url), ApiSettings.fromEnv(read), read.parsed("HLS_DIR", "hls", BridgeConfig::writableDirectory), hls, ladder, encoders, options,
                read.integer("ENCODER_THREADS", 0, 0, 64),
                read.parsed("AUDIO_BITRATE", "128k", Rung::parseBitRate),
                read.decimal("GOP_SECONDS", 2, 0.5, 60),
                read.integer("CUDA_DEVICE", 0, 0, 64),
                read.parsed("DECODE", "auto", DecodeMode::parse),
                new SlateSettings(Duration.ofMillis(read.integer("SLATE_AFTER_MS",
                        (int) SlateSettings.DEFAULT_AFTER.toMillis(), 0, 600_000)),
                        read.optional("SLATE_IMAGE").map(text -> read.parsed("SLATE_IMAGE", text, BridgeConfig::readableFile))
                                .orElse(null)),
                Duration.ofSeconds(read.integer("METRICS_LOG_SECONDS", 10, 1, 3600)),
                read.parsed("FFMPEG_LOG_LEVEL", "warning", BridgeConfig::logLevel),
                read.flag("DRY_RUN"),
                AudioSettings.fromEnv(env),
                RestreamEnv.read(read, ladder),
                s3(read));
    }

    /** FFmpeg's level names as the service log's levels. */
    static System.Logger.Level logLevel(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "quiet", "off" -> System.Logger.Level.OFF;
            case "error" -> System.Logger.Level.ERROR;
            case "warning" -> System.Logger.Level.WARNING;
            case "info" -> System.Logger.Level.INFO;
            case "verbose", "debug" -> System.Logger.Level.DEBUG;
            case "trace" -> System.Logger.Level.TRACE;
            default -> throw new IllegalArgumentException("expected quiet, error, warning, info, debug or trace");
        };
    }

    /** S3 is on when S3_BUCKET is set. */
    private static Optional<S3Settings> s3(EnvReader read) {
        String bucket = read.text("S3_BUCKET", "");
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        URI endpoint = null;
        if (!read.text("S3_ENDPOINT", "").isEmpty()) {
            try {
                endpoint = S3Settings.endpoint(read.text("S3_ENDPOINT", ""));
            } catch (IllegalArgumentException e) {
                // Not read.parsed: its message would repeat the value, user info and all.
                throw new ConfigException("S3_ENDPOINT " + e.getMessage(), e);
            }
        }
        return Optional.of(new S3Settings(read.parsed("S3_BUCKET", bucket, BridgeConfig::bucketName),
                read.text("S3_PREFIX", ""), endpoint, read.text("S3_REGION", S3Settings.DEFAULT_REGION),
                read.flag("S3_DELETE_OLD", true),
                Duration.ofSeconds(read.integer("S3_DELETE_DELAY_SECONDS", 60, 0, 86_400)),
                read.integer("S3_SPOOL_SEGMENTS", 90, 1, 100_000)));
    }

    /** Checked at start, so that a typo is a configuration error and not a failed broadcast later. */
    private static Path readableFile(String text) {
        Path file = Path.of(text);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("is not a readable file");
        }
        return file;
    }

    /** The directory, or the nearest existing parent that would hold it, must be writable. */
    private static Path writableDirectory(String text) {
        Path dir = Path.of(text).toAbsolutePath();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new IllegalArgumentException("is not a directory this process can write to"
                    + (existing == null || existing.equals(dir) ? "" : " (" + existing + " is not writable)"));
        }
        return Path.of(text);
    }

    /** S3's rules for new bucket names: 3-63 lower-case letters, digits, dots and hyphens. */
    private static String bucketName(String name) {
        if (!name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("a bucket name has 3-63 lower-case letters, digits, dots or hyphens");
        }
        return name;
    }

    private static List<String> encoders(String text) {
        List<String> names = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String name : names) {
            if (!EncoderOptions.KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown encoder " + name + ", known: " + EncoderOptions.KNOWN);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one encoder is needed");
        }
        return names;
    }
}
