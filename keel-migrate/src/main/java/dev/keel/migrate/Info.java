package dev.keel.migrate;

import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists applied and pending migrations side by side; reads only, takes no lock. */
public final class Info {

    private Info() {}

    public static InfoResult run(ConnectionSource source, MigrationSettings settings) {
        List<MigrationScript> scripts = settings.resolver().resolve();
        try (Connection c = source.open()) {
            List<AppliedMigration> history = settings.history().read(c);
            MigrationPlan plan = MigrationPlan.of(scripts, history, true, null);
            return new InfoResult(
                    source.describe(),
                    plan.current() == null ? null : plan.current().toString(),
                    rows(scripts, history, plan));
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.HISTORY_UNREADABLE,
                    "reading the migration history of " + source.describe() + " failed: " + e.getMessage(),
                    "check that the user may read " + settings.history().displayName(),
                    e);
        }
    }

    static List<InfoResult.Row> rows(
            List<MigrationScript> scripts, List<AppliedMigration> history, MigrationPlan plan) {
        Map<MigrationVersion, MigrationScript> onDisk = new HashMap<>();
        Map<String, MigrationScript> repeatablesOnDisk = new HashMap<>();
        for (MigrationScript s : scripts) {
            if (s.repeatable()) {
                repeatablesOnDisk.put(s.description(), s);
            } else {
                onDisk.put(s.version(), s);
            }
        }
        List<InfoResult.Row> rows = new ArrayList<>();
        Set<MigrationVersion> seen = new HashSet<>();
        Map<String, AppliedMigration> lastRepeatable = new HashMap<>();
        history.stream()
                .filter(r -> r.type() == MigrationType.REPEATABLE && r.success())
                .forEach(r -> lastRepeatable.put(r.description(), r));
        for (AppliedMigration row : history) {
            if (row.type() == MigrationType.REPEATABLE
                    && row.success()
                    && lastRepeatable.get(row.description()) != row) {
                continue; // an earlier run of a repeatable is history, not its current state
            }
            String state;
            if (row.type() == MigrationType.BASELINE) {
                state = "baseline";
            } else if (!row.success()) {
                state = "failed";
            } else if (row.type() == MigrationType.REPEATABLE) {
                MigrationScript file = repeatablesOnDisk.get(row.description());
                state = file == null
                        ? "missing"
                        : file.checksum() == (row.checksum() == null ? 0 : row.checksum()) ? "applied" : "outdated";
            } else {
                MigrationScript file = onDisk.get(row.version());
                state = file == null
                        ? "missing"
                        : row.checksum() != null && row.checksum() != file.checksum() ? "changed" : "applied";
                if (row.type() == MigrationType.CHANGE && state.equals("applied") && row.phase() != null) {
                    // A change is applied in steps: active (both versions served), complete, or rolled back.
                    state = row.phase().replace('_', ' ');
                }
            }
            if (row.version() != null && (row.type() != MigrationType.CHANGE || row.versionApplied())) {
                seen.add(row.version());
            }
            rows.add(new InfoResult.Row(
                    row.type().name(),
                    row.version() == null ? null : row.version().toString(),
                    row.description(),
                    row.script(),
                    state,
                    row.installedOn(),
                    row.executionTimeMs()));
        }
        Set<MigrationScript> pending = new HashSet<>(plan.pending());
        scripts.stream()
                .filter(s -> !s.repeatable() && !seen.contains(s.version()))
                .sorted(Comparator.comparing(MigrationScript::version))
                .forEach(s -> {
                    String state = plan.baseline() != null && s.version().compareTo(plan.baseline()) <= 0
                            ? "below-baseline"
                            : plan.current() != null && s.version().compareTo(plan.current()) < 0
                                    ? "out-of-order"
                                    : "pending";
                    rows.add(new InfoResult.Row(
                            s.type().name(), s.version().toString(), s.description(), s.script(), state, null, null));
                });
        scripts.stream()
                .filter(s -> s.repeatable() && pending.contains(s) && !lastRepeatable.containsKey(s.description()))
                .forEach(s -> rows.add(
                        new InfoResult.Row(s.type().name(), null, s.description(), s.script(), "pending", null, null)));
        return rows;
    }
}
