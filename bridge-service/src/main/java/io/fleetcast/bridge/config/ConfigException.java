package io.fleetcast.bridge.config;

/** A configuration key is missing or has a value we cannot use; the message names both. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
