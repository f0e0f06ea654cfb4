package io.fleetcast.bridge;

import java.util.logging.LogManager;

/**
 * java.util.logging's manager without its own shutdown hook's reset: the JDK's hook runs
 * beside the bridge's and would silence the lines that say what closing did (and what
 * failed). {@link Main} installs it before the first logger exists.
 */
public final class ShutdownLogManager extends LogManager {
    static final String PROPERTY = "java.util.logging.manager";

    @Override
    public void reset() {
        // The JVM is about to exit: the handlers flush on every record, nothing is left to release.
    }
}
