package io.fleetcast.bridge;

import java.util.logging.LogManager;

/**
 * java.util.logging's manager without the reset its own shutdown hook does: that hook runs
 * beside the bridge's and would silence the lines that say what closing did (and what failed).
 * Every other reset (reading a configuration) behaves as before. {@link Main} installs it
 * before the first logger exists.
 */
public final class ShutdownLogManager extends LogManager {
    static final String PROPERTY = "java.util.logging.manager";
    private static final String JDK_SHUTDOWN_HOOK = LogManager.class.getName() + "$Cleaner";

    @Override
    public void reset() {
        if (!Thread.currentThread().getClass().getName().equals(JDK_SHUTDOWN_HOOK)) {
            super.reset();
        }
        // At exit the handlers stay: they flush on every record and the process is ending.
    }
}
