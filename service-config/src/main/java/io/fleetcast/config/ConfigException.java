package io.fleetcast.config;

/**
 * A configuration key (or command-line option) is missing or has a value we cannot use; the
 * message names the key and the value (without credentials). Every service's {@code Main}
 * answers it with exit status 2. It is an {@link IllegalArgumentException} so that a config
 * record's compact constructor may throw either.
 */
public class ConfigException extends IllegalArgumentException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
