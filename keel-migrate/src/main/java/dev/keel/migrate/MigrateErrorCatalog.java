package dev.keel.migrate;

import dev.keel.error.ErrorCatalog;
import dev.keel.error.ErrorCode;
import java.util.List;

/** keel-migrate's codes for docs/errors.md. */
public final class MigrateErrorCatalog implements ErrorCatalog {

    @Override
    public String area() {
        return "MIGRATE";
    }

    @Override
    public String title() {
        return "migration files, the history, validation, applying migrations and shadow runs";
    }

    @Override
    public List<ErrorCode> codes() {
        return List.of(MigrateError.values());
    }
}
