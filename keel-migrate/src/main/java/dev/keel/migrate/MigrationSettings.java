package dev.keel.migrate;

import dev.keel.check.CheckSettings;
import dev.keel.config.KeelYaml;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The settings every migration verb reads; built from keel.yaml by the CLI or by {@link KeelConfiguration}.
 * {@code check} is keel.yaml's check section: the safety gate honours its startAfter, exclude and waivers.
 */
public record MigrationSettings(
        Path projectDir,
        List<String> locations,
        String schema,
        String table,
        Duration lockTimeout,
        Duration statementTimeout,
        int lockRetries,
        boolean outOfOrder,
        ClassLoader classLoader,
        CheckSettings check) {

    public MigrationSettings {
        locations = List.copyOf(locations);
        check = check == null ? CheckSettings.NONE : check;
    }

    public MigrationSettings(
            Path projectDir,
            List<String> locations,
            String schema,
            String table,
            Duration lockTimeout,
            Duration statementTimeout,
            int lockRetries,
            boolean outOfOrder,
            ClassLoader classLoader) {
        this(
                projectDir,
                locations,
                schema,
                table,
                lockTimeout,
                statementTimeout,
                lockRetries,
                outOfOrder,
                classLoader,
                null);
    }

    /** keel.yaml's migrations.* keys (see {@link MigrationSection}). */
    public static MigrationSettings from(KeelYaml config) {
        return new MigrationSettings(
                config.projectDir(),
                config.get(MigrationSection.LOCATIONS),
                config.schema(),
                config.get(MigrationSection.TABLE),
                config.get(MigrationSection.LOCK_TIMEOUT),
                config.get(MigrationSection.STATEMENT_TIMEOUT),
                config.get(MigrationSection.LOCK_RETRIES),
                config.get(MigrationSection.OUT_OF_ORDER),
                Thread.currentThread().getContextClassLoader(),
                CheckSettings.from(config));
    }

    public HistoryTable history() {
        return new HistoryTable(schema, table);
    }

    public MigrationResolver resolver() {
        return new MigrationResolver(projectDir, locations, classLoader);
    }

    public MigrationSettings withOutOfOrder(boolean allowed) {
        return new MigrationSettings(
                projectDir,
                locations,
                schema,
                table,
                lockTimeout,
                statementTimeout,
                lockRetries,
                allowed,
                classLoader,
                check);
    }
}
