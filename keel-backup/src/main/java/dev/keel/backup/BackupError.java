package dev.keel.backup;

import dev.keel.error.ErrorCode;
import dev.keel.error.ExitCode;

/** Failures of keel-backup: repositories, keys, base backups, WAL archiving and streaming, restores, verification and drills. */
public enum BackupError implements ErrorCode {
    REPOSITORY_NOT_SET(
            ExitCode.USAGE, "no backup repository is configured (backup.repository, --repo or repository(...))"),
    REPOSITORY_URL_INVALID(
            ExitCode.USAGE,
            "the backup repository URL or the S3 endpoint is malformed, or the URL carries credentials"),
    REPOSITORY_MISSING(
            ExitCode.USAGE,
            "there is no keel backup repository where backup.repository points (not created yet, or a wrong path)"),
    REPOSITORY_EXISTS(
            ExitCode.USAGE, "keel backup init found a repository, or other files, where it was to create one"),
    REPOSITORY_TOO_NEW(ExitCode.USAGE, "the repository has a newer format than this keel reads"),
    S3_CREDENTIALS_MISSING(ExitCode.USAGE, "no S3 access key id or secret is configured"),
    S3_BUCKET_MISSING(ExitCode.USAGE, "the S3 bucket the repository URL names does not exist"),
    KEY_MISSING(ExitCode.USAGE, "the repository or an object in it is encrypted and no key is configured"),
    KEY_WRONG(ExitCode.USAGE, "the configured key is not the key the repository was created with"),
    KEY_INVALID(
            ExitCode.USAGE,
            "both KEEL_BACKUP_KEY and a key file are set, or the key file cannot be read, or the key is not 32 bytes of base64"),
    OPTION_INVALID(
            ExitCode.USAGE,
            "an option of a backup command (the backup method, a retention count) has a value keel does not accept"),
    RETENTION_NOT_SET(ExitCode.USAGE, "prune was asked to remove backups, but no retention policy says which"),
    SERVER_UNSUPPORTED(
            ExitCode.USAGE,
            "the server is too old for this kind of backup or WAL streaming, or is a standby, and keel backs up primaries only"),
    TABLESPACES_UNSUPPORTED(
            ExitCode.USAGE,
            "the cluster has tablespaces (or other symbolic links in its data directory), which keel backup does not copy yet"),
    DATA_DIRECTORY_REMOTE(
            ExitCode.USAGE, "a local backup cannot read the server's data directory from where keel runs"),
    STREAMING_NOT_ENABLED(
            ExitCode.USAGE,
            "the server or the role does not allow streaming WAL (wal_level minimal, no WAL senders or slots, no REPLICATION)"),
    SLOT_INVALID(
            ExitCode.USAGE, "the replication slot name is not valid, or the slot of that name is not a physical slot"),
    SLOT_IN_USE(ExitCode.USAGE, "the replication slot is in use by another keel wal stream or standby"),
    SYNCHRONOUS_SETUP(
            ExitCode.USAGE,
            "synchronous_standby_names holds a setup keel may or will not change, or lacks keel though --synchronous needs it"),
    CLUSTER_MISMATCH(
            ExitCode.USAGE,
            "the server is not the cluster, or not on the timeline, that the repository's backups and WAL belong to"),
    WAL_ARGUMENT_INVALID(
            ExitCode.USAGE,
            "keel wal push or fetch was given a name that is not a WAL file's, or a path where there is no file"),
    BACKUP_NOT_FOUND(ExitCode.USAGE, "the backup named with --backup is not in the repository, or is not complete"),
    NO_COMPLETE_BACKUP(ExitCode.USAGE, "the repository holds no complete backup to restore or verify"),
    TARGET_BEFORE_BACKUPS(ExitCode.USAGE, "every backup ended after the recovery target, so none can recover to it"),
    TARGET_DIRECTORY_UNUSABLE(
            ExitCode.USAGE,
            "the restore target is a file, not empty (without --overwrite), has a server running, or has a quote in its path"),
    REPLICA_SOURCE_CONFLICT(
            ExitCode.USAGE, "keel replica create was given both --from-backup and --stream; a replica comes from one"),
    REPLICA_NOT_STANDBY(
            ExitCode.USAGE,
            "keel replica promote was given a directory that is not a data directory, or not a standby's"),
    REPLICA_NOT_RUNNING(ExitCode.USAGE, "keel replica promote was given a standby that is not running; start it first"),
    REPLICATION_REFUSED(
            ExitCode.UNREACHABLE,
            "the server refused replication, most often because the role lacks REPLICATION or pg_hba.conf has no replication line"),
    REPLICATION_AUTH_UNSUPPORTED(
            ExitCode.UNREACHABLE,
            "the server asks for an authentication method keel's replication client does not speak"),
    REPLICATION_TLS_FAILED(
            ExitCode.UNREACHABLE,
            "sslmode asks for TLS on the replication connection and the server offers none, or the handshake failed"),
    REPLICATION_LOST(
            ExitCode.UNREACHABLE,
            "keel wal stream lost its replication connection (it resumes where it stopped when run again)"),
    STREAM_BACKUP_FAILED(
            ExitCode.OPERATION, "a backup over the replication protocol failed on the server or broke off"),
    WAL_STREAM_OUT_OF_ORDER(
            ExitCode.OPERATION, "the server sent WAL from another position than keel wal stream expected"),
    SPOOL_IO_FAILED(ExitCode.OPERATION, "reading or writing keel wal stream's local spool directory failed"),
    SERVER_COMMAND_FAILED(
            ExitCode.OPERATION,
            "a statement keel ran on the server for a backup or WAL setup failed (pg_backup_start/stop, a slot, WAL summaries)"),
    DATA_DIRECTORY_UNREADABLE(
            ExitCode.OPERATION, "reading a file of the server's data directory or pg_wal during a local backup failed"),
    BACKUP_ID_TAKEN(
            ExitCode.OPERATION,
            "keel could not reserve an id for a new backup: another backup holds it, or too many started at once"),
    PARENT_REMOVED(
            ExitCode.OPERATION,
            "the backup an incremental backup builds on was removed from the repository while it ran"),
    S3_UNSUPPORTED(
            ExitCode.OPERATION,
            "the S3 service ignores conditional writes (If-None-Match), which keel needs to reserve backup ids safely"),
    S3_REFUSED(
            ExitCode.OPERATION,
            "S3 refused the request: a wrong, expired or revoked access key, or a missing permission on the bucket"),
    S3_UNREACHABLE(ExitCode.OPERATION, "the S3 endpoint did not answer"),
    S3_FAILED(ExitCode.OPERATION, "an S3 request failed for another reason (a server error or a broken connection)"),
    REPOSITORY_ACCESS_DENIED(
            ExitCode.OPERATION, "the file system does not let keel write into the repository directory"),
    REPOSITORY_IO_FAILED(
            ExitCode.OPERATION, "reading, writing, listing or deleting an object of the backup repository failed"),
    DISK_FULL(ExitCode.OPERATION, "the disk under the repository is full; earlier backups are intact"),
    TRANSFER_FAILED(
            ExitCode.OPERATION, "a file transfer running in parallel with others failed with an unexpected error"),
    TARGET_IO_FAILED(
            ExitCode.OPERATION,
            "writing the restored files, the recovery settings or the WAL to replay into the target directory failed"),
    DRILL_CONNECTION_FAILED(ExitCode.OPERATION, "the drill could not connect to the cluster it restored"),
    DRILL_ID_TAKEN(
            ExitCode.OPERATION,
            "keel could not reserve an id for a new restore drill: too many drills started in the same second"),
    REPLICA_START_FAILED(
            ExitCode.OPERATION,
            "the new standby did not start, or did not stream from the primary in time; keel removed what it made"),
    PROMOTE_FAILED(ExitCode.OPERATION, "pg_ctl promote ran, but the standby did not leave recovery in time"),
    OBJECT_MISSING(ExitCode.FAILED, "an object that a backup or the WAL refers to is missing from the repository"),
    OBJECT_DAMAGED(
            ExitCode.FAILED,
            "an object of the repository is damaged: it fails authentication, cannot be decoded, or does not match its manifest"),
    BACKUP_UNREADABLE(
            ExitCode.FAILED,
            "a backup lacks its backup_label or pg_control, so it cannot be restored and prune cannot tell which WAL it needs"),
    PARENT_MISSING(
            ExitCode.FAILED,
            "the parent (or an older ancestor) of an incremental backup is missing from the repository"),
    WAL_MISSING(
            ExitCode.FAILED,
            "a WAL segment that a backup needs to become consistent is missing: the backup cannot be restored"),
    WAL_GAP(
            ExitCode.FAILED,
            "a WAL segment between the backup and the recovery target is missing; recovery would stop at the gap"),
    WAL_CONFLICT(
            ExitCode.FAILED,
            "the repository already holds a different WAL file of that name (two clusters archiving into one repository?)"),
    WAL_NOT_ARCHIVED(
            ExitCode.FAILED,
            "restore_command asked for a WAL file the repository does not hold; normal at the end of recovery"),
    DRILL_FAILED(
            ExitCode.FAILED,
            "the restore drill ran, but the restored cluster failed one of its checks; the drill's report says which"),
    RECOVERY_FAILED(
            ExitCode.FAILED,
            "PostgreSQL could not recover the restored backup, or recovery stopped short of the WAL it was to replay");

    private final ExitCode exitCode;
    private final String meaning;

    BackupError(ExitCode exitCode, String meaning) {
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    @Override
    public String id() {
        return ErrorCode.id("BACKUP", name());
    }

    @Override
    public ExitCode exitCode() {
        return exitCode;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
