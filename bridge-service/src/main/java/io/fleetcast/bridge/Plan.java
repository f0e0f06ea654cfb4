package io.fleetcast.bridge;

import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.bridge.gpu.VideoPath;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.bridge.restream.RestreamSettings;
import io.fleetcast.media.codec.ProbeAttempt;
import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.media.format.MediaUrl;
import java.util.Locale;

/** The human-readable plan a dry run prints: what would be read, encoded and written. */
final class Plan {
    private Plan() {
    }

    static String describe(BridgeConfig config, ProbeResult probe, VideoPath path) {
        StringBuilder text = new StringBuilder();
        if (config.autostartUrl().isEmpty()) {
            text.append("input:    none at boot (broadcasts start through the API on port ")
                    .append(config.api().port()).append(")\n");
        } else {
            var input = config.input();
            text.append("input:    ").append(MediaUrl.redact(input.url()))
                    .append(input.live() ? " (live: reconnect " + input.reconnectMin().toMillis() + ".."
                            + input.reconnectMax().toMillis() + " ms)" : " (file: stop at end)")
                    .append('\n');
        }
        text.append("encoder:  ").append(probe.encoder()).append(" (").append(probe.reason()).append(")\n");
        for (ProbeAttempt attempt : probe.attempts()) {
            text.append("  probe ").append(attempt.encoder()).append(": ")
                    .append(attempt.opened() ? "opened" : "failed: " + attempt.detail()).append('\n');
        }
        text.append("decode:   ").append(path.decode()).append(" (").append(path.decodeReason()).append(")\n");
        text.append("rungs:    ");
        for (Rung rung : config.ladder().rungs()) {
            text.append(rung.name()).append(' ').append(rung.bitRate() / 1000).append("k  ");
        }
        text.append("(rungs above the source height are dropped")
                .append(config.ladder().maxFps() > 0 ? "; fps capped at " + config.ladder().maxFps() : "; fps kept")
                .append(")\n");
        text.append(String.format(Locale.ROOT, "video:    GOP %.1f s closed, keyframes aligned on all rungs, %s%n",
                config.gopSeconds(), probe.encoder().equals("libx264")
                        ? "preset " + config.encoderOptions().x264Preset() : ""));
        text.append("audio:    AAC ").append(config.audioBitRate() / 1000)
                .append("k 48 kHz stereo, ").append(config.audio()).append('\n');
        text.append("slate:    ").append(!config.slate().enabled() ? "off"
                : "after " + config.slate().after().toMillis() + " ms without a source picture: "
                + (config.slate().image() == null ? "generated card" : config.slate().image().toString())
                + ", with silence").append('\n');
        text.append(String.format(Locale.ROOT, "outputs:  HLS %s (segments %.1f s, window %s)%n",
                config.hlsDir().toAbsolutePath(), config.hls().segmentSeconds(),
                config.hls().listSize() == 0 ? "all" : config.hls().listSize() + " segments"));
        if (config.restream().isEmpty()) {
            text.append("          no restream (RESTREAM_PRIMARY_URL / RESTREAM_BACKUP_URL unset)\n");
        }
        for (RestreamSettings destination : config.restream()) {
            text.append(String.format(Locale.ROOT, "          restream %s %s (FLV, rung %s + audio, reconnect %d..%d ms%s)%n",
                    destination.name(), destination.redacted(),
                    destination.rung() == null ? "top" : destination.rung(),
                    destination.backoff().min().toMillis(), destination.backoff().max().toMillis(),
                    !destination.tls() ? "" : destination.tlsCaFile() == null ? ", TLS unverified"
                            : ", TLS verified with " + destination.tlsCaFile()));
        }
        config.s3().ifPresent(s3 -> text.append("          HLS to ").append(s3.location())
                .append(s3.endpoint() == null ? " (AWS"
                        : " (" + MediaUrl.redact(s3.endpoint().toString()) + " path-style")
                .append(", region ").append(s3.region()).append(", credentials from the SDK's default chain; ")
                .append(s3.deleteOld()
                        ? "old segments deleted " + s3.deleteDelay().toSeconds() + " s after leaving the window"
                        : "old segments left to the bucket's lifecycle rule")
                .append("; up to ").append(s3.spoolSegments()).append(" segments wait while S3 is down)\n"));
        return text.toString();
    }
}
