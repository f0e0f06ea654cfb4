package io.fleetcast.control.bench;

/** Who a reference fan-out socket belongs to, read from its upgrade query as the service does. */
enum ReferenceRole {
    ROBOT, DRIVER, VIEWER;

    /** {@code key=...} is a robot; {@code token=u<id>} a driver when id is an owner, else a viewer. */
    static ReferenceRole of(String query) {
        if (query.startsWith("key=")) {
            return ROBOT;
        }
        if (query.startsWith("token=u")) {
            return Long.parseLong(query.substring(7)) >= SyntheticAccess.OWNER_BASE ? DRIVER
                    : VIEWER;
        }
        throw new IllegalArgumentException("query has neither key= nor token=u: " + query);
    }
}
