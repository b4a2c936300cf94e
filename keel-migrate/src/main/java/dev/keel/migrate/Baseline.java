package dev.keel.migrate;

import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Marks an existing database as being at a version, so migrations up to it are never run there. */
public final class Baseline {

    private Baseline() {}

    public static BaselineResult run(
            ConnectionSource source,
            MigrationSettings settings,
            MigrationVersion version,
            String description,
            MigrationListener listener) {
        HistoryTable history = settings.history();
        try (Connection c = source.open();
                MigrationLock lock = MigrationLock.acquire(c, history, listener)) {
            history.ensureExists(c);
            List<AppliedMigration> rows = history.read(c);
            if (!rows.isEmpty()) {
                AppliedMigration last = rows.get(rows.size() - 1);
                throw new MigrationException(
                        MigrateError.HISTORY_NOT_EMPTY,
                        "cannot baseline " + source.describe() + ": its history already holds " + rows.size()
                                + " rows (latest " + last.label() + ")",
                        "baseline only a database that keel has not migrated yet");
            }
            history.insert(c, version, description, MigrationType.BASELINE, "<< baseline >>", null, 0, true);
            return new BaselineResult(source.describe(), version.toString(), description);
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.HISTORY_WRITE_FAILED,
                    "baselining " + source.describe() + " failed: " + e.getMessage(),
                    "check that the user may create " + history.displayName(),
                    e);
        }
    }
}
