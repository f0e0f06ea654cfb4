package io.fleetcast.control.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work; it may throw {@link SQLException}, which {@link Database} translates. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
