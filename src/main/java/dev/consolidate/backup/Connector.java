package dev.consolidate.backup;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a new session to a database. The backup opens several at once (one per worker), so a
 * single shared connection will not do. Production's read-only sessions
 * ({@code production::openReadOnly}) and scratch databases ({@code scratch::connect}) both fit.
 */
@FunctionalInterface
public interface Connector {
    Connection connect() throws SQLException;
}
