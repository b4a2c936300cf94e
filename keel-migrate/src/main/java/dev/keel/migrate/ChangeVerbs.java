package dev.keel.migrate;

import dev.keel.change.ChangeResult;
import dev.keel.change.ChangeSettings;
import dev.keel.change.ChangeStatus;
import dev.keel.change.Changes;
import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.ServerRole;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code keel change complete|rollback|status}: each on its own session, complete and rollback under the migration lock. */
public final class ChangeVerbs {

    private ChangeVerbs() {}

    @FunctionalInterface
    private interface Verb<T> {
        T run(Changes changes) throws SQLException;
    }

    public static ChangeResult complete(
            ConnectionSource source,
            MigrationSettings settings,
            ChangeSettings changeSettings,
            MigrationListener listener,
            Cancellation cancellation) {
        return locked(source, settings, changeSettings, listener, cancellation, "complete", Changes::complete);
    }

    public static ChangeResult rollback(
            ConnectionSource source,
            MigrationSettings settings,
            ChangeSettings changeSettings,
            MigrationListener listener,
            Cancellation cancellation) {
        return locked(source, settings, changeSettings, listener, cancellation, "rollback", Changes::rollback);
    }

    public static ChangeStatus status(ConnectionSource source, MigrationSettings settings) {
        try (Connection c = source.open()) {
            return new Changes(
                            c,
                            source,
                            settings.history(),
                            ChangeSettings.DEFAULTS,
                            MigrationListener.SILENT,
                            Cancellation.none())
                    .status();
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.HISTORY_UNREADABLE,
                    "reading the change state of " + source.describe() + " failed: " + e.getMessage(),
                    "check that the user may read keel's schema " + settings.schema(),
                    e);
        }
    }

    private static <T> T locked(
            ConnectionSource source,
            MigrationSettings settings,
            ChangeSettings changeSettings,
            MigrationListener listener,
            Cancellation cancellation,
            String verb,
            Verb<T> work) {
        try (Connection c = source.open()) {
            ServerRole.requirePrimary(c, source.describe(), "change " + verb);
            try (Cancellation.Registration watching = cancellation.watch(c);
                    MigrationLock lock = MigrationLock.acquire(c, settings.history(), listener)) {
                settings.history().ensureExists(c);
                return work.run(new Changes(c, source, settings.history(), changeSettings, listener, cancellation));
            }
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.MIGRATE_FAILED,
                    "change " + verb + " on " + source.describe() + " failed: " + e.getMessage(),
                    "check the database's state and the server log, then run the command again",
                    e);
        }
    }
}
