package io.fleetcast.control.login;

import io.fleetcast.config.EnvReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Failed-login limits: at most {@code accountLimit} failures per account name within
 * {@code accountWindow} and {@code addressLimit} per client address within
 * {@code addressWindow}; and the proxies whose {@code X-Forwarded-For} is believed.
 */
public record LoginLimits(int accountLimit, Duration accountWindow, int addressLimit, Duration addressWindow,
                          List<AddressBlock> trustedProxies) {
    public LoginLimits {
        atLeast("LOGIN_ACCOUNT_FAILURE_LIMIT", accountLimit);
        atLeast("LOGIN_ADDRESS_FAILURE_LIMIT", addressLimit);
        positive("LOGIN_ACCOUNT_WINDOW_SECONDS", accountWindow);
        positive("LOGIN_ADDRESS_WINDOW_SECONDS", addressWindow);
        trustedProxies = List.copyOf(trustedProxies);
    }

    public static LoginLimits defaults() {
        return new LoginLimits(10, Duration.ofMinutes(15), 50, Duration.ofMinutes(15), List.of());
    }

    public static LoginLimits fromEnv(Map<String, String> env) {
        LoginLimits d = defaults();
        EnvReader in = new EnvReader(env);
        List<AddressBlock> proxies = in.parsed("LOGIN_TRUSTED_PROXIES", "", LoginLimits::blocks);
        return new LoginLimits(
                in.integer("LOGIN_ACCOUNT_FAILURE_LIMIT", d.accountLimit()),
                Duration.ofSeconds(in.integer("LOGIN_ACCOUNT_WINDOW_SECONDS", (int) d.accountWindow().toSeconds())),
                in.integer("LOGIN_ADDRESS_FAILURE_LIMIT", d.addressLimit()),
                Duration.ofSeconds(in.integer("LOGIN_ADDRESS_WINDOW_SECONDS", (int) d.addressWindow().toSeconds())),
                proxies);
    }

    private static List<AddressBlock> blocks(String configured) {
        List<AddressBlock> blocks = new ArrayList<>();
        for (String entry : configured.split(",")) {
            if (!entry.isBlank()) {
                blocks.add(AddressBlock.parse(entry.trim()));
            }
        }
        return blocks;
    }

    private static void atLeast(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value.toSeconds());
        }
    }
}
