package dev.keel.migrate;

import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** keel-migrate's keys in keel.yaml: where migrations live and how they run. */
public final class MigrationSection implements ConfigSection {
    public static final ConfigKey<List<String>> LOCATIONS = ConfigKey.names(
            "migrations.locations",
            List.of("db/migrations"),
            "folders holding the migration files, relative to the project; classpath: and filesystem: prefixes work");
    /** Every query behind a waiting DDL statement waits too, so this stays short; zero would switch it off. */
    public static final ConfigKey<Duration> LOCK_TIMEOUT = ConfigKey.duration(
                    "migrations.lockTimeout",
                    Duration.ofSeconds(2),
                    "how long one DDL statement may wait for its lock before keel retries it; every query behind it waits too")
            .requiring(
                    d -> !d.isZero(),
                    "must be above zero: without a lock timeout a waiting DDL statement blocks every query behind it",
                    "set it to a short value such as 2s");

    public static final ConfigKey<Duration> STATEMENT_TIMEOUT = ConfigKey.duration(
                    "migrations.statementTimeout",
                    Duration.ZERO,
                    "how long one statement may run; 0 for no limit (a file can set its own with -- keel:statement-timeout)")
            .withDefault(Duration.ZERO, "0 (none)");
    public static final ConfigKey<Integer> LOCK_RETRIES = ConfigKey.integer(
            "migrations.lockRetries",
            5,
            0,
            Integer.MAX_VALUE,
            "how often a statement that hit the lock timeout is retried, with jittered backoff");
    public static final ConfigKey<Boolean> OUT_OF_ORDER = ConfigKey.bool(
            "migrations.outOfOrder",
            false,
            "also apply pending versions lower than the newest applied one (a branch merged late)");
    public static final ConfigKey<String> TABLE =
            ConfigKey.text("migrations.table", "schema_history", "the history table, in keel's schema");
    public static final ConfigKey<Integer> CHECK_POSTGRES_VERSION = ConfigKey.integer(
            "check.postgresVersion",
            null,
            9,
            99,
            "the PostgreSQL major version keel check assumes when no server tells it");
    public static final ConfigKey<String> CHECK_START_AFTER = ConfigKey.matching(
            "check.startAfter",
            null,
            Pattern.compile("\\s*\\d+([._]\\d+)*\\s*"),
            "a migration version such as 42 or 2024.05.1",
            "set it to the version of the last migration the checks should skip",
            "the checks apply only to migrations after this version: adopting keel on an existing history needs no edits to applied files");
    public static final ConfigKey<List<String>> CHECK_EXCLUDE =
            ConfigKey.names("check.exclude", List.of(), "rule ids that never run, reported in the output");
    public static final ConfigKey<Map<String, String>> CHECK_WAIVERS = ConfigKey.mapping(
                    "check.waivers",
                    "check.waivers.<file>.<rule>: <reason>, e.g. check.waivers.V12__drop_carts.sql.dropping-table: release 4.2 stopped using carts",
                    "a finding of this rule in this file is waived, with the reason reported; a waiver without a reason waives nothing")
            .withEntryRule((name, reason) -> reason.isBlank()
                    ? "the waiver of " + name.substring(name.lastIndexOf('.') + 1) + " for "
                            + name.substring(0, name.lastIndexOf('.'))
                            + " in keel.yaml gives no reason, so it waives nothing"
                    : null);

    @Override
    public String title() {
        return "Migrations and checks";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(
                LOCATIONS,
                LOCK_TIMEOUT,
                STATEMENT_TIMEOUT,
                LOCK_RETRIES,
                OUT_OF_ORDER,
                TABLE,
                CHECK_POSTGRES_VERSION,
                CHECK_START_AFTER,
                CHECK_EXCLUDE,
                CHECK_WAIVERS);
    }

    @Override
    public int order() {
        return 10;
    }
}
