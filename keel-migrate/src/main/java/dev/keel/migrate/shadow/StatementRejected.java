package dev.keel.migrate.shadow;

import java.sql.SQLException;

/** PostgreSQL refused the statement on the shadow: the migration would fail the same way on the target. */
public final class StatementRejected extends Exception {
    public StatementRejected(Throwable cause) {
        super(cause.getMessage(), cause);
    }

    /** The server's message, first line only. */
    public String serverMessage() {
        String message = getCause() instanceof SQLException e ? e.getMessage() : getMessage();
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
