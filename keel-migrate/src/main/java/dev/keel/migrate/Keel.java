package dev.keel.migrate;

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

    Keel(ConnectionSource source, MigrationSettings settings, MigrationListener listener) {
        this.source = source;
        this.settings = settings;
        this.listener = listener;
    }

    public static KeelConfiguration configure() {
        return new KeelConfiguration();
    }

    public MigrateResult migrate() {
        return Migrate.run(source, settings, MigrateOptions.defaults(), listener);
    }

    public MigrateResult migrate(MigrateOptions options) {
        return Migrate.run(source, settings, options, listener);
    }

    /**
     * As {@link #migrate(MigrateOptions)}, stoppable from another thread (an application shutting
     * down): {@code cancellation.cancel(why)} cancels the running statement on the server, the
     * migration in flight rolls back, and this throws a KeelException with exit code 130.
     */
    public MigrateResult migrate(MigrateOptions options, Cancellation cancellation) {
        return Migrate.run(source, settings, options, listener, cancellation);
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
