package dev.keel.migrate;

import dev.keel.error.ErrorCode;
import dev.keel.error.ExitCode;

/** Failures of keel-migrate: migration files and locations, the history, validation, applying migrations, shadow runs. */
public enum MigrateError implements ErrorCode {
    LOCATION_INVALID(
            ExitCode.USAGE,
            "a migration location is not a directory or not on the class path, or no filesystem location is configured"),
    LOCATION_LOOP(ExitCode.USAGE, "a symbolic link in the migration location leads back to a folder above it"),
    DESCRIPTION_INVALID(ExitCode.USAGE, "keel new was given a description without letters or digits"),
    FILE_EXISTS(ExitCode.USAGE, "keel new would create a migration file that already exists"),
    OPTION_INVALID(ExitCode.USAGE, "a shadow option (--shadow-row-limit, --scale, --scale-cap) is out of range"),
    FILE_NAME_INVALID(
            ExitCode.FAILED,
            "a migration file's name does not follow V<version>__<description>.sql or R__<description>.sql"),
    FILE_NOT_REGULAR(
            ExitCode.FAILED,
            "a directory, a dangling symbolic link or another non-regular file carries a migration's name"),
    ENCODING_INVALID(ExitCode.FAILED, "a migration file is not valid UTF-8"),
    VERSION_DUPLICATE(
            ExitCode.FAILED, "two migrations have the same version, or two repeatable migrations the same description"),
    FILE_EMPTY(ExitCode.FAILED, "a migration file holds no SQL statement"),
    DIRECTIVE_INVALID(
            ExitCode.FAILED,
            "a keel:statement-timeout or keel:lock-timeout header comment has a value keel cannot read"),
    TRANSACTION_CONTROL(
            ExitCode.FAILED,
            "a migration holds BEGIN, COMMIT, ROLLBACK or the like, which would break the transaction keel runs it in"),
    TRANSACTION_MIXED(
            ExitCode.FAILED,
            "a migration mixes statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY …) with others"),
    CHECKSUM_CHANGED(ExitCode.FAILED, "a migration file was changed after it was applied"),
    FILE_MISSING(ExitCode.FAILED, "the history holds a migration whose file is gone"),
    OUT_OF_ORDER(
            ExitCode.FAILED, "a pending migration has a lower version than one already applied, and outOfOrder is off"),
    EARLIER_FAILED(
            ExitCode.FAILED,
            "the history records a migration that failed part-way; repair the database, then keel repair"),
    SCRIPT_INVALID(ExitCode.FAILED, "keel validate found a migration file keel cannot read or split into statements"),
    SAFETY_CHECK_FAILED(
            ExitCode.FAILED, "a pending migration breaks a safety check rule, so migrate refused to apply it"),
    HISTORY_NOT_EMPTY(ExitCode.FAILED, "baseline or import-flyway found a history that already holds rows"),
    FLYWAY_HISTORY_MISSING(ExitCode.FAILED, "import-flyway found no Flyway history table where it looked"),
    CHANGE_INVALID(
            ExitCode.FAILED,
            "a change file has a finding (unknown operation or key, missing table or column, bad expression …); the"
                    + " message names file, line and column"),
    CHANGE_ACTIVE(ExitCode.FAILED, "a change was to start while another is active; complete it or roll it back first"),
    CHANGE_NOT_ACTIVE(ExitCode.FAILED, "keel change complete or rollback found no active change"),
    VERSION_SCHEMA_TAKEN(
            ExitCode.FAILED,
            "the schema a change would use for a version's views (such as public_v8) exists and is not keel's"),
    CHANGE_FAILED(
            ExitCode.OPERATION,
            "the server refused a step of a change's start, complete or rollback (a constraint that existing rows"
                    + " break, for one); what ran before it is kept and the same command resumes"),
    STATEMENT_FAILED(
            ExitCode.OPERATION,
            "the server refused a statement of a migration; the message names file, line and column"),
    HISTORY_UNREADABLE(
            ExitCode.OPERATION, "reading keel's migration history failed, most often for a missing privilege"),
    HISTORY_WRITE_FAILED(
            ExitCode.OPERATION, "baseline, repair or import-flyway could not write the history; nothing was changed"),
    MIGRATE_FAILED(
            ExitCode.OPERATION,
            "migrate failed on the server outside a migration's statements (the history, its lock)"),
    PROJECTION_UNKNOWN(
            ExitCode.USAGE,
            "keel projections was given a name that is no counter of keel.projections (or one in several schemas)"),
    PROJECTION_FAILED(
            ExitCode.OPERATION,
            "compacting or verifying a counter failed on the server (its stripes table or keel.projections, a"
                    + " privilege)"),
    SHADOW_FAILED(
            ExitCode.OPERATION,
            "creating, filling or dropping the shadow database, or reading the target for it, failed"),
    PARTITION_MAINTENANCE_FAILED(
            ExitCode.OPERATION,
            "keel partitions maintain could not create, move, detach or drop a partition; every step done before is"
                    + " kept and the next run goes on from there");

    private final ExitCode exitCode;
    private final String meaning;

    MigrateError(ExitCode exitCode, String meaning) {
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    @Override
    public String id() {
        return ErrorCode.id("MIGRATE", name());
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
