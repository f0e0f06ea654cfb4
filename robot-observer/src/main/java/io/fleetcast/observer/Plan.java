package io.fleetcast.observer;

import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.observer.camera.CameraSpec;
import io.fleetcast.observer.config.ObserverConfig;
import io.fleetcast.observer.tile.Layout;
import io.fleetcast.quality.QualityState;
import java.util.Locale;

/** What the observer will do, for people: the dry run prints it, the start logs it. No secrets. */
final class Plan {
    private Plan() {
    }

    static String describe(ObserverConfig config, ProbeResult probe) {
        StringBuilder plan = new StringBuilder();
        plan.append("cameras:");
        for (CameraSpec camera : config.cameras()) {
            plan.append(' ').append(camera.describe()).append(';');
        }
        Layout top = Layout.of(config.cameras().size(), QualityState.HIGH.width(), QualityState.HIGH.height());
        plan.append('\n').append(String.format(Locale.ROOT, "layout: %dx%d grid, %dx%d cells at 1080p (scaled with the state)",
                top.columns(), top.rows(), top.cellWidth(), top.cellHeight()));
        plan.append('\n').append("encoder: ").append(probe.encoder()).append(" (").append(probe.reason()).append("), GOP ")
                .append(config.gopSeconds()).append(" s, ").append(config.codecs().options(probe.encoder()));
        plan.append('\n').append("quality: ladder HIGH 1080p30 4.5M / MEDIUM 720p30 2.5M / LOW 480p24 1.2M / VERY_LOW 360p24 0.6M")
                .append(config.startLimits().cap() != null ? ", capped at " + config.startLimits().cap() : "")
                .append(config.startLimits().pin() != null ? ", pinned to " + config.startLimits().pin() : "")
                .append(", uplink measured every ").append(config.samplePeriod().toMillis()).append(" ms");
        plan.append('\n').append("push: ").append(config.target().describe()).append(" (").append(config.target().format())
                .append("), pictures older than ").append(config.maxDelay().toMillis()).append(" ms dropped, reconnect ")
                .append(config.reconnect().min().toMillis()).append("..").append(config.reconnect().max().toMillis()).append(" ms")
                .append(config.gatewayAuth() == ObserverConfig.GatewayAuth.JWT
                        ? ", a publish token from the control service per connection (GATEWAY_AUTH=jwt)"
                        : ", stream key in the URL");
        plan.append('\n').append("control: ").append(config.control() == null ? "none (CONTROL_URL unset)"
                : config.control().toString()).append(", deadman ").append(config.deadman().timeout().toMillis()).append(" ms");
        plan.append('\n').append("robot link: ").append(config.robotLink()).append('\n');
        return plan.toString();
    }
}
