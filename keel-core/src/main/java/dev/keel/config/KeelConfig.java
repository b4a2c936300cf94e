package dev.keel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything keel.yaml (and its KEEL_* overrides) can say. Absent values are null where "absent"
 * means something (no database configured), and the documented default otherwise.
 */
public record KeelConfig(Path projectDir, Path file, Database database, String schema, Migrations migrations, Check check) {

    /** @param postgresVersion major version the checks assume when no server tells them; null when not set */
    public record Check(Integer postgresVersion) {
    }

    public record Database(String url, String user, String password) {
        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param lockTimeout how long one DDL statement may wait for a lock; every query behind a waiting
     *     DDL waits too, so this stays short
     * @param statementTimeout zero for none
     */
    public record Migrations(List<String> locations, Duration lockTimeout, Duration statementTimeout, int lockRetries,
                             boolean outOfOrder, String table) {
        public static Migrations defaults() {
            return new Migrations(List.of("db/migrations"), Duration.ofSeconds(2), Duration.ZERO, 5, false, "schema_history");
        }
    }

    public static KeelConfig defaults(Path projectDir) {
        return new KeelConfig(projectDir, null, new Database(null, null, null), "keel", Migrations.defaults(), new Check(null));
    }
}
