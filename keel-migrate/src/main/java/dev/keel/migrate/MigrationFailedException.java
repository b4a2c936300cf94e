package dev.keel.migrate;

import dev.keel.error.ErrorCode;
import dev.keel.error.KeelException;

/** A migration that the server refused or that could not get its locks: exit code 4. */
public class MigrationFailedException extends KeelException {
    private final String sqlState;

    public MigrationFailedException(ErrorCode code, String what, String todo, String sqlState, Throwable cause) {
        super(code, what, todo, cause);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
