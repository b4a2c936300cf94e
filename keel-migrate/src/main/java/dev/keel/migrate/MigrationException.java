package dev.keel.migrate;

import dev.keel.error.ErrorCode;
import dev.keel.error.KeelException;

/** A migration set that fails validation: bad names, duplicates, drift. Exit code 1 for most of its codes. */
public class MigrationException extends KeelException {

    public MigrationException(ErrorCode code, String what, String todo) {
        super(code, what, todo);
    }
}
