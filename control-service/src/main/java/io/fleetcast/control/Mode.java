package io.fleetcast.control;

/**
 * Dev runs on one machine with embedded PostgreSQL/Redis and a generated signing secret;
 * production requires every external part and secret to be configured.
 */
public enum Mode {
    DEV, PRODUCTION
}
