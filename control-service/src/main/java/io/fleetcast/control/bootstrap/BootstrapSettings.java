package io.fleetcast.control.bootstrap;

import io.fleetcast.config.EnvReader;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator's environment sets up on every start, so that a fresh stack needs no manual
 * step (config/control.env): the first operator ({@code BOOTSTRAP_OPERATOR} with
 * {@code BOOTSTRAP_OPERATOR_PASSWORD}), the playroom robot with the stream key its camera uses
 * ({@code BOOTSTRAP_PLAYROOM_KEY}), and the bridge's credential for reading the playroom from
 * the media gateway ({@code BRIDGE_READ_TOKEN}). Each is optional; none ever reaches a log.
 */
public record BootstrapSettings(Optional<String> operator, Optional<String> operatorPassword,
                                Optional<String> playroomKey, Optional<String> bridgeReadToken) {
    private static final int MIN_SECRET = 20;

    public BootstrapSettings {
        if (operator.isPresent() != operatorPassword.isPresent()) {
            throw new IllegalArgumentException("BOOTSTRAP_OPERATOR and BOOTSTRAP_OPERATOR_PASSWORD go together");
        }
        if (playroomKey.isPresent() && operator.isEmpty()) {
            throw new IllegalArgumentException("BOOTSTRAP_PLAYROOM_KEY needs BOOTSTRAP_OPERATOR (the playroom's owner)");
        }
        secret("BOOTSTRAP_OPERATOR_PASSWORD", operatorPassword, 8);
        secret("BOOTSTRAP_PLAYROOM_KEY", playroomKey, MIN_SECRET);
        secret("BRIDGE_READ_TOKEN", bridgeReadToken, MIN_SECRET);
        playroomKey.ifPresent(key -> {
            if (!key.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("BOOTSTRAP_PLAYROOM_KEY may hold only A-Z a-z 0-9 _ - (it travels in URLs)");
            }
        });
    }

    public static BootstrapSettings none() {
        return new BootstrapSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static BootstrapSettings fromEnv(Map<String, String> env) {
        EnvReader in = new EnvReader(env);
        return new BootstrapSettings(in.optional("BOOTSTRAP_OPERATOR"), in.optional("BOOTSTRAP_OPERATOR_PASSWORD"),
                in.optional("BOOTSTRAP_PLAYROOM_KEY"), in.optional("BRIDGE_READ_TOKEN"));
    }

    private static void secret(String key, Optional<String> value, int min) {
        value.ifPresent(text -> {
            if (text.length() < min) {
                throw new IllegalArgumentException(key + " must be at least " + min + " characters (got "
                        + text.length() + ")");
            }
        });
    }

    @Override
    public String toString() {
        return "BootstrapSettings[operator=" + operator.orElse("none") + ", playroomKey="
                + (playroomKey.isPresent() ? "set" : "none") + ", bridgeReadToken="
                + (bridgeReadToken.isPresent() ? "set" : "none") + "]";
    }
}
