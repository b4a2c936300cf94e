package dev.keel.migrate;

import dev.keel.config.KeelConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The settings every migration verb reads; built from keel.yaml by the CLI or by {@link KeelConfiguration}.
 * {@code check} is keel.yaml's check section: the safety gate honours its startAfter, exclude and waivers.
 */
public record MigrationSettings(Path projectDir, List<String> locations, String schema, String table, Duration lockTimeout,
                                Duration statementTimeout, int lockRetries, boolean outOfOrder, ClassLoader classLoader,
                                KeelConfig.Check check) {

    public MigrationSettings {
        locations = List.copyOf(locations);
        check = check == null ? new KeelConfig.Check(null) : check;
    }

    public MigrationSettings(Path projectDir, List<String> locations, String schema, String table, Duration lockTimeout,
                             Duration statementTimeout, int lockRetries, boolean outOfOrder, ClassLoader classLoader) {
        this(projectDir, locations, schema, table, lockTimeout, statementTimeout, lockRetries, outOfOrder, classLoader, null);
    }

    public static MigrationSettings from(KeelConfig config) {
        KeelConfig.Migrations m = config.migrations();
        return new MigrationSettings(config.projectDir(), m.locations(), config.schema(), m.table(), m.lockTimeout(),
                m.statementTimeout(), m.lockRetries(), m.outOfOrder(), Thread.currentThread().getContextClassLoader(), config.check());
    }

    public HistoryTable history() {
        return new HistoryTable(schema, table);
    }

    public MigrationResolver resolver() {
        return new MigrationResolver(projectDir, locations, classLoader);
    }

    public MigrationSettings withOutOfOrder(boolean allowed) {
        return new MigrationSettings(projectDir, locations, schema, table, lockTimeout, statementTimeout, lockRetries, allowed, classLoader, check);
    }
}
