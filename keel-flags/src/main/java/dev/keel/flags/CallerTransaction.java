package dev.keel.flags;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A unit of work on a connection that may already be in the caller's transaction. In autocommit it is a transaction
 * of its own; inside the caller's, a savepoint: its failure undoes only its own statements, and it never commits or
 * rolls back what the caller did before it.
 */
final class CallerTransaction {
    interface Work<T> {
        T run() throws SQLException;
    }

    private CallerTransaction() {}

    static <T> T run(Connection c, Work<T> work) throws SQLException {
        if (!c.getAutoCommit()) {
            Savepoint savepoint = c.setSavepoint();
            try {
                T result = work.run();
                c.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback(savepoint);
                throw e;
            }
        }
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
