package dev.keel.backup;

import dev.keel.config.KeelYaml;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where backups go and how they are stored: keel.yaml's backup.* keys (declared in {@link BackupSection}). The
 * encryption key itself is never a setting: it comes from the KEEL_BACKUP_KEY environment variable or the file named
 * here, so it cannot end up in keel.yaml, a command line or a process listing.
 *
 * @param repository file:///path or s3://bucket/prefix; null when not set
 * @param compressionLevel zstd level, 0 to store without compression
 * @param keyFile file holding the encryption key; null when not set
 * @param parallel how many files a backup or restore transfers at once
 * @param retention what keel backup prune keeps
 * @param rpo how much recent work a restore may lose at most; null when no target is set
 * @param rto how long a restore may take at most; null when no target is set
 * @param drillInvariants SQL queries a restore drill runs on the restored cluster; each must return true
 * @param method auto, local or stream; null for auto
 */
public record BackupSettings(
        String repository,
        int compressionLevel,
        Path keyFile,
        S3 s3,
        int parallel,
        Retention retention,
        Duration rpo,
        Duration rto,
        List<String> drillInvariants,
        String method,
        Stream stream) {
    public static final int MAX_COMPRESSION_LEVEL = 22;
    public static final int DEFAULT_PARALLEL = 2;

    public BackupSettings {
        retention = retention == null ? new Retention(null, null) : retention;
        drillInvariants = drillInvariants == null ? List.of() : List.copyOf(drillInvariants);
        stream = stream == null ? Stream.DEFAULTS : stream;
    }

    public BackupSettings(
            String repository,
            int compressionLevel,
            Path keyFile,
            S3 s3,
            int parallel,
            Retention retention,
            Duration rpo,
            Duration rto,
            List<String> drillInvariants) {
        this(repository, compressionLevel, keyFile, s3, parallel, retention, rpo, rto, drillInvariants, null, null);
    }

    public BackupSettings(String repository, int compressionLevel, Path keyFile, S3 s3, int parallel) {
        this(repository, compressionLevel, keyFile, s3, parallel, null, null, null, null);
    }

    public BackupSettings(String repository, int compressionLevel, Path keyFile, S3 s3) {
        this(repository, compressionLevel, keyFile, s3, DEFAULT_PARALLEL);
    }

    /** The backup.* keys of a loaded keel.yaml. */
    public static BackupSettings from(KeelYaml config) {
        return new BackupSettings(
                config.get(BackupSection.REPOSITORY),
                config.get(BackupSection.COMPRESSION_LEVEL),
                config.get(BackupSection.KEY_FILE),
                new S3(
                        config.get(BackupSection.S3_ENDPOINT),
                        config.get(BackupSection.S3_REGION),
                        config.get(BackupSection.S3_PATH_STYLE),
                        config.get(BackupSection.S3_ACCESS_KEY_ID),
                        config.get(BackupSection.S3_SECRET_ACCESS_KEY)),
                config.get(BackupSection.PARALLEL),
                new Retention(config.get(BackupSection.RETENTION_FULL), config.get(BackupSection.RETENTION_DAYS)),
                config.get(BackupSection.RPO),
                config.get(BackupSection.RTO),
                config.get(BackupSection.DRILL_INVARIANTS),
                config.get(BackupSection.METHOD),
                new Stream(
                        config.get(BackupSection.STREAM_SLOT),
                        config.get(BackupSection.STREAM_APPLICATION_NAME),
                        config.get(BackupSection.STREAM_SPOOL),
                        config.get(BackupSection.STREAM_PARTIAL_INTERVAL)));
    }

    public static BackupSettings defaults() {
        return new BackupSettings(null, 3, null, new S3(null, null, null, null, null), DEFAULT_PARALLEL);
    }

    /** The same settings with another repository, e.g. from a --repo option. */
    public BackupSettings withRepository(String url) {
        return new BackupSettings(
                url, compressionLevel, keyFile, s3, parallel, retention, rpo, rto, drillInvariants, method, stream);
    }

    /** The same settings with another way of streaming, e.g. from keel wal stream's options. */
    public BackupSettings withStream(Stream other) {
        return new BackupSettings(
                repository,
                compressionLevel,
                keyFile,
                s3,
                parallel,
                retention,
                rpo,
                rto,
                drillInvariants,
                method,
                other);
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
     * @param pathStyle null means "path style when an endpoint is set", which is what S3-compatible servers usually need
     */
    public record S3(String endpoint, String region, Boolean pathStyle, String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            // A record prints every component; the secret must never reach a log line.
            return "S3[endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle + ", accessKeyId="
                    + accessKeyId + ", secretAccessKey=" + (secretAccessKey == null ? null : "****") + "]";
        }
    }
}
