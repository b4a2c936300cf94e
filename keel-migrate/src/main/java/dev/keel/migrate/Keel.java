package dev.keel.migrate;

import dev.keel.change.ChangeResult;
import dev.keel.change.ChangeSettings;
import dev.keel.change.ChangeStatus;
import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;

/**
 * The entry point for applications, as Flyway's is: configure once at start-up, then migrate.
 * <pre>{@code
 * MigrateResult result = Keel.configure()
 *         .dataSource(dataSource)
 *         .locations("classpath:db/migrations")
 *         .load()
 *         .migrate();
 * }</pre>
 *
 * <p>It only migrates: the name is the one an application calls at start-up, as it calls Flyway's.
 * Backups and query insight have facades of their own in their modules ({@code Backups},
 * {@code Insight}), so an application that only migrates pulls neither.
 */
public final class Keel {
    private final ConnectionSource source;
    private final MigrationSettings settings;
    private final MigrationListener listener;
    private final ChangeSettings changes;

    Keel(ConnectionSource source, MigrationSettings settings, MigrationListener listener) {
        this(source, settings, listener, ChangeSettings.DEFAULTS);
    }

    Keel(ConnectionSource source, MigrationSettings settings, MigrationListener listener, ChangeSettings changes) {
        this.source = source;
        this.settings = settings;
        this.listener = listener;
        this.changes = changes;
    }

    public static KeelConfiguration configure() {
        return new KeelConfiguration();
    }

    /**
     * Applies pending migrations in order; on a change file it starts the change and stops there, leaving it active
     * (see {@link #complete()}): later migrations wait, and {@link MigrateResult#activeChange()} says which.
     */
    public MigrateResult migrate() {
        return migrate(MigrateOptions.defaults());
    }

    public MigrateResult migrate(MigrateOptions options) {
        return Migrate.run(source, settings, changes, options, listener, Cancellation.none());
    }

    /** Completes the active change: validates its constraints and makes the new shape physical. */
    public ChangeResult complete() {
        return ChangeVerbs.complete(source, settings, changes, listener, Cancellation.none());
    }

    /** Rolls the active change back: removes what its start added; the old shape and every row stay. */
    public ChangeResult rollback() {
        return ChangeVerbs.rollback(source, settings, changes, listener, Cancellation.none());
    }

    /** The change in flight, its backfill progress and what complete will do. */
    public ChangeStatus status() {
        return ChangeVerbs.status(source, settings);
    }

    /**
     * As {@link #migrate(MigrateOptions)}, stoppable from another thread (an application shutting
     * down): {@code cancellation.cancel(why)} cancels the running statement on the server, the
     * migration in flight rolls back, and this throws a KeelException with exit code 130.
     */
    public MigrateResult migrate(MigrateOptions options, Cancellation cancellation) {
        return Migrate.run(source, settings, changes, options, listener, cancellation);
    }

    public InfoResult info() {
        return Info.run(source, settings);
    }

    public ValidateResult validate() {
        return Validate.run(source, settings);
    }

    public BaselineResult baseline(String version, String description) {
        return Baseline.run(source, settings, MigrationVersion.parse(version), description, listener);
    }

    public RepairResult repair() {
        return Repair.run(source, settings, listener);
    }

    public ImportResult importFlyway(String flywaySchema, String flywayTable) {
        return ImportFlyway.run(source, settings, flywaySchema, flywayTable, listener);
    }

    public MigrationSettings settings() {
        return settings;
    }
}
