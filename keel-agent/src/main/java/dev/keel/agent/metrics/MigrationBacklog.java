package dev.keel.agent.metrics;

import dev.keel.error.KeelException;
import dev.keel.migrate.AppliedMigration;
import dev.keel.migrate.MigrationPlan;
import dev.keel.migrate.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code keel_migrations_pending} and {@code keel_migrations_failed}: the project's migration files against the
 * history. Both change only when someone migrates or edits files, so they are read at most once per interval rather
 * than on every scrape; a project without a migrations folder reports neither.
 */
final class MigrationBacklog {
    private final MigrationSettings settings;
    private final Duration interval;
    private Instant readAt;
    private Counts counts;

    private record Counts(int pending, int failed) {}

    MigrationBacklog(MigrationSettings settings, Duration interval) {
        this.settings = settings;
        this.interval = interval;
    }

    List<Family> read(Connection c, Instant now) throws SQLException {
        if (readAt == null || !now.isBefore(readAt.plus(interval))) {
            counts = count(c);
            readAt = now;
        }
        Family pending = Family.gauge("keel_migrations_pending", "Migrations in the project not yet applied");
        Family failed = Family.gauge("keel_migrations_failed", "Migrations recorded as failed part-way");
        if (counts != null) {
            pending.add(counts.pending());
            failed.add(counts.failed());
        }
        return List.of(pending, failed);
    }

    private Counts count(Connection c) throws SQLException {
        try {
            List<AppliedMigration> history = settings.history().read(c);
            MigrationPlan plan = MigrationPlan.of(settings.resolver().resolve(), history, true, null);
            int failed = (int) history.stream().filter(a -> !a.success()).count();
            return new Counts(plan.pending().size(), failed);
        } catch (KeelException e) {
            // no migrations folder, or no USAGE on keel's schema: nothing to count, which is not a failed scrape
            return null;
        }
    }
}
