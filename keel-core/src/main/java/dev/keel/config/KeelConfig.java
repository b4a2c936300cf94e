package dev.keel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything keel.yaml (and its KEEL_* overrides) can say. Absent values are null where "absent"
 * means something (no database configured), and the documented default otherwise.
 */
public record KeelConfig(Path projectDir, Path file, Database database, String schema, Migrations migrations, Check check,
                         Backup backup, Doctor doctor) {

    public KeelConfig {
        doctor = doctor == null ? new Doctor(Map.of()) : doctor;
    }

    public KeelConfig(Path projectDir, Path file, Database database, String schema, Migrations migrations, Check check, Backup backup) {
        this(projectDir, file, database, schema, migrations, check, backup, null);
    }

    /**
     * @param thresholds {@code doctor.thresholds.<check>.<name>} as written, keyed {@code <check>.<name>}: the doctor
     *     knows its checks and validates them; keel-core only carries them
     */
    public record Doctor(Map<String, String> thresholds) {
        public Doctor {
            thresholds = Map.copyOf(thresholds);
        }
    }

    /**
     * @param postgresVersion major version the checks assume when no server tells them; null when not set
     * @param startAfter the checks apply only to migrations of a later version (null: to all), as text: keel-migrate parses it
     * @param exclude rule ids never run
     * @param waivers file name → rule id → reason: findings of that rule in that file are waived, with the reason reported
     */
    public record Check(Integer postgresVersion, String startAfter, List<String> exclude, Map<String, Map<String, String>> waivers) {
        public Check {
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
            waivers = waivers == null ? Map.of() : Map.copyOf(waivers);
        }

        public Check(Integer postgresVersion) {
            this(postgresVersion, null, List.of(), Map.of());
        }
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

    /**
     * Where backups go and how they are stored. The encryption key itself is never a setting: it comes
     * from the KEEL_BACKUP_KEY environment variable or the file named here, so it cannot end up in
     * keel.yaml, a command line or a process listing.
     *
     * @param repository file:///path or s3://bucket/prefix; null when not set
     * @param compressionLevel zstd level, 0 to store without compression
     * @param keyFile file holding the encryption key; null when not set
     * @param parallel how many files a backup or restore transfers at once
     * @param retention what keel backup prune keeps
     * @param rpo how much recent work a restore may lose at most; null when no target is set
     * @param rto how long a restore may take at most; null when no target is set
     * @param drillInvariants SQL queries a restore drill runs on the restored cluster; each must return true
     */
    public record Backup(String repository, int compressionLevel, Path keyFile, S3 s3, int parallel, Retention retention, Duration rpo,
                         Duration rto, List<String> drillInvariants, String method, Stream stream) {
        public static final int MAX_COMPRESSION_LEVEL = 22;
        public static final int DEFAULT_PARALLEL = 2;

        public Backup {
            retention = retention == null ? new Retention(null, null) : retention;
            drillInvariants = drillInvariants == null ? List.of() : List.copyOf(drillInvariants);
            stream = stream == null ? Stream.DEFAULTS : stream;
        }

        public Backup(String repository, int compressionLevel, Path keyFile, S3 s3, int parallel, Retention retention, Duration rpo,
                      Duration rto, List<String> drillInvariants) {
            this(repository, compressionLevel, keyFile, s3, parallel, retention, rpo, rto, drillInvariants, null, null);
        }

        public Backup(String repository, int compressionLevel, Path keyFile, S3 s3, int parallel) {
            this(repository, compressionLevel, keyFile, s3, parallel, null, null, null, null);
        }

        public Backup(String repository, int compressionLevel, Path keyFile, S3 s3) {
            this(repository, compressionLevel, keyFile, s3, DEFAULT_PARALLEL);
        }

        public static Backup defaults() {
            return new Backup(null, 3, null, new S3(null, null, null, null, null), DEFAULT_PARALLEL);
        }

        /** The same settings with another repository, e.g. from a --repo option. */
        public Backup withRepository(String url) {
            return new Backup(url, compressionLevel, keyFile, s3, parallel, retention, rpo, rto, drillInvariants, method, stream);
        }
    }

    /**
     * How keel wal stream and keel wal setup run (backup.stream.*); the command-line options win.
     *
     * @param applicationName the name synchronous_standby_names lists
     * @param spool the receiver's local directory; null for .keel/wal-spool/&lt;slot&gt; in the project
     * @param partialInterval how often the received part of the current segment goes to the repository
     */
    public record Stream(String slot, String applicationName, Path spool, Duration partialInterval) {
        public static final Stream DEFAULTS = new Stream("keel_wal", "keel_wal", null, Duration.ofSeconds(10));
    }

    /**
     * What keel backup prune keeps; a backup is kept when either rule keeps it.
     *
     * @param full how many of the newest complete full backups to keep; null when not set
     * @param days keep every backup that ended within this many days; null when not set
     */
    public record Retention(Integer full, Integer days) {
        public boolean configured() {
            return full != null || days != null;
        }
    }

    /**
     * S3 settings; each absent value falls back to the standard AWS environment variables.
     *
     * @param pathStyle null means "path style when an endpoint is set", which is what S3-compatible
     *     servers usually need
     */
    public record S3(String endpoint, String region, Boolean pathStyle, String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            // A record prints every component; the secret must never reach a log line.
            return "S3[endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle + ", accessKeyId=" + accessKeyId
                    + ", secretAccessKey=" + (secretAccessKey == null ? null : "****") + "]";
        }
    }

    public static KeelConfig defaults(Path projectDir) {
        return new KeelConfig(projectDir, null, new Database(null, null, null), "keel", Migrations.defaults(), new Check(null),
                Backup.defaults());
    }
}
