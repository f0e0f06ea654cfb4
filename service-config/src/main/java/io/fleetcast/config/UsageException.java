package io.fleetcast.config;

/** A command line that cannot be run; the tool prints it with its usage and exits 2. */
public final class UsageException extends ConfigException {
    public UsageException(String message) {
        super(message);
    }
}
