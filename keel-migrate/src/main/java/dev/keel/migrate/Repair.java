package dev.keel.migrate;

import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the history in line with the files after a person decided it should: removes failed rows,
 * takes the checksums (and descriptions) of edited files, and forgets applied files that were deleted.
 * It never touches the schema itself. All in one transaction.
 */
public final class Repair {

    private Repair() {}

    public static RepairResult run(ConnectionSource source, MigrationSettings settings, MigrationListener listener) {
        List<MigrationScript> scripts = settings.resolver().resolve();
        Map<MigrationVersion, MigrationScript> onDisk = new HashMap<>();
        scripts.stream().filter(s -> !s.repeatable()).forEach(s -> onDisk.put(s.version(), s));
        HistoryTable history = settings.history();
        try (Connection c = source.open();
                MigrationLock lock = MigrationLock.acquire(c, history, listener)) {
            history.ensureExists(c);
            c.setAutoCommit(false);
            List<String> failed = new ArrayList<>();
            List<String> realigned = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (AppliedMigration row : history.read(c)) {
                if (!row.success()) {
                    failed.add(row.label() + " (" + row.script() + ")");
                    continue;
                }
                if (!row.versionApplied()) {
                    continue;
                }
                MigrationScript file = onDisk.get(row.version());
                if (file == null) {
                    missing.add(row.label() + " (" + row.script() + ")");
                    delete(c, history, row.installedRank());
                } else if (row.checksum() == null
                        || row.checksum() != file.checksum()
                        || !row.description().equals(file.description())) {
                    realigned.add(row.label() + " (" + file.script() + ")");
                    history.realign(c, row.installedRank(), file.checksum(), file.description());
                }
            }
            history.deleteFailed(c);
            new StatementProgress(history).clearAll(c);
            c.commit();
            return new RepairResult(source.describe(), failed, realigned, missing);
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.HISTORY_WRITE_FAILED,
                    "repairing the history of " + source.describe() + " failed: " + e.getMessage(),
                    "nothing was changed; check the user's rights on " + history.displayName(),
                    e);
        }
    }

    private static void delete(Connection c, HistoryTable history, int rank) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("DELETE FROM " + history.qualifiedName() + " WHERE installed_rank = ?")) {
            s.setInt(1, rank);
            s.executeUpdate();
        }
    }
}
