package dev.keel.migrate;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;

/** A migration set that fails validation: bad names, duplicates, drift. Exit code 1. */
public class MigrationException extends KeelException {

    public MigrationException(String what, String todo) {
        super(ExitCode.FAILED, what, todo);
    }
}
