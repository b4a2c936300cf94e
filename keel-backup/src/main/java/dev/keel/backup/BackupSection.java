package dev.keel.backup;

import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** keel-backup's keys in keel.yaml: the repository, how backups are stored and streamed, and the targets they must meet. */
public final class BackupSection implements ConfigSection {
    public static final ConfigKey<String> REPOSITORY =
            ConfigKey.text("backup.repository", null, "where backups and WAL go: file:///path or s3://bucket/prefix");
    public static final ConfigKey<Integer> PARALLEL = ConfigKey.integer(
            "backup.parallel",
            BackupSettings.DEFAULT_PARALLEL,
            1,
            64,
            "how many files a backup or restore transfers at once");
    public static final ConfigKey<Integer> COMPRESSION_LEVEL = ConfigKey.integer(
            "backup.compression.level",
            3,
            0,
            BackupSettings.MAX_COMPRESSION_LEVEL,
            "zstd level for new objects, 0 to store them uncompressed");
    public static final ConfigKey<Path> KEY_FILE = ConfigKey.path(
            "backup.encryption.keyFile",
            "a file holding the AES-256 key that encrypts the repository (or set KEEL_BACKUP_KEY); the key itself is never a setting");
    public static final ConfigKey<String> S3_ENDPOINT = ConfigKey.text(
            "backup.s3.endpoint", null, "an S3-compatible server's URL; default AWS (or AWS_ENDPOINT_URL_S3)");
    public static final ConfigKey<String> S3_REGION =
            ConfigKey.text("backup.s3.region", null, "default AWS_REGION, then us-east-1");
    public static final ConfigKey<Boolean> S3_PATH_STYLE = ConfigKey.bool(
                    "backup.s3.pathStyle", null, "path-style addressing; default on when an endpoint is set")
            .withDefault(null, "on with an endpoint");
    public static final ConfigKey<String> S3_ACCESS_KEY_ID =
            ConfigKey.text("backup.s3.accessKeyId", null, "default AWS_ACCESS_KEY_ID");
    public static final ConfigKey<String> S3_SECRET_ACCESS_KEY = ConfigKey.text(
            "backup.s3.secretAccessKey",
            null,
            "default AWS_SECRET_ACCESS_KEY; write ${VARIABLE} rather than the secret");
    public static final ConfigKey<Integer> RETENTION_FULL = ConfigKey.integer(
            "backup.retention.full",
            null,
            1,
            Integer.MAX_VALUE,
            "keel backup prune keeps this many of the newest full backups (with their incrementals and WAL)");
    public static final ConfigKey<Integer> RETENTION_DAYS = ConfigKey.integer(
            "backup.retention.days",
            null,
            0,
            Integer.MAX_VALUE,
            "keel backup prune keeps every backup that ended within this many days");
    public static final ConfigKey<Duration> RPO = positive(ConfigKey.duration(
            "backup.rpo", null, "the most recent work a restore may lose: the doctor and drills check it"));
    public static final ConfigKey<Duration> RTO =
            positive(ConfigKey.duration("backup.rto", null, "the longest a restore may take: drills check it"));
    public static final ConfigKey<List<String>> DRILL_INVARIANTS = ConfigKey.queries(
            "backup.drill.invariants",
            "SQL queries a restore drill runs on the restored cluster; each must return true");
    public static final ConfigKey<String> METHOD = ConfigKey.choice(
                    "backup.method",
                    null,
                    List.of("auto", "local", "stream"),
                    "use auto (the default): local when keel runs beside the data directory, stream otherwise",
                    "how backups read the files: local beside the server, stream over a replication connection")
            .withDefault(null, "auto");
    public static final ConfigKey<String> STREAM_SLOT = ConfigKey.matching(
            "backup.stream.slot",
            BackupSettings.Stream.DEFAULTS.slot(),
            Pattern.compile("[a-z0-9_]{1,63}"),
            "a replication slot name",
            "use lower-case letters, digits and underscores, at most 63 of them",
            "the replication slot keel wal stream receives from");
    public static final ConfigKey<String> STREAM_APPLICATION_NAME = ConfigKey.text(
            "backup.stream.applicationName",
            BackupSettings.Stream.DEFAULTS.applicationName(),
            "the name keel wal stream gives the server (synchronous_standby_names lists it)");
    public static final ConfigKey<Path> STREAM_SPOOL = ConfigKey.path(
            "backup.stream.spool",
            "keel wal stream's local directory for WAL not yet in the repository; default .keel/wal-spool/<slot>");
    public static final ConfigKey<Duration> STREAM_PARTIAL_INTERVAL = positive(ConfigKey.duration(
            "backup.stream.partialInterval",
            BackupSettings.Stream.DEFAULTS.partialInterval(),
            "how often the received part of the current WAL segment goes to the repository"));

    private static ConfigKey<Duration> positive(ConfigKey<Duration> key) {
        return key.requiring(d -> !d.isZero(), "must be above zero", "set it to a target such as 15m");
    }

    @Override
    public String title() {
        return "Backups";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(
                REPOSITORY,
                PARALLEL,
                COMPRESSION_LEVEL,
                KEY_FILE,
                S3_ENDPOINT,
                S3_REGION,
                S3_PATH_STYLE,
                S3_ACCESS_KEY_ID,
                S3_SECRET_ACCESS_KEY,
                RETENTION_FULL,
                RETENTION_DAYS,
                RPO,
                RTO,
                DRILL_INVARIANTS,
                METHOD,
                STREAM_SLOT,
                STREAM_APPLICATION_NAME,
                STREAM_SPOOL,
                STREAM_PARTIAL_INTERVAL);
    }

    @Override
    public int order() {
        return 30;
    }
}
