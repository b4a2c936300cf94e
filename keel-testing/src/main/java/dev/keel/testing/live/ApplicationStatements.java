package dev.keel.testing.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;

/**
 * One version of the application, as the harness drives it: runs one statement of the given kind
 * for a key, written in that version's shape. The connection's search_path already points at the
 * version's schema. The harness times the call and records an SQLException as a failed statement.
 */
@FunctionalInterface
public interface ApplicationStatements {

    /**
     * For {@link StatementKind#INSERT} the key is new (no row has it yet); for the other kinds it is
     * a key that was used before and whose row may since have been deleted.
     */
    void run(StatementKind kind, Connection connection, long key, Random random) throws SQLException;
}
