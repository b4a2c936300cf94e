package dev.keel.flags;

import dev.keel.error.ErrorCode;
import dev.keel.error.ExitCode;

/** Failures of keel-flags: what keel flags refuses, and what went wrong reading or writing flags. */
public enum FlagError implements ErrorCode {
    NAME_INVALID(
            ExitCode.USAGE,
            "a flag name is empty, too long, or holds characters other than lower-case letters, digits, '.', '_' and '-'"),
    VALUE_INVALID(
            ExitCode.USAGE,
            "keel flags set was given a value other than on, off or a percentage from 0% to 100% (at most two decimals)"),
    FLAG_UNKNOWN(ExitCode.USAGE, "keel flags get or history named a flag that was never set"),
    NOTHING_TO_SET(ExitCode.USAGE, "keel flags set was given neither a value nor an option that changes the flag"),
    SCHEMA_VERSION_MISSING(
            ExitCode.USAGE,
            "keel flags set --schema-version named a schema the database does not have (the change that creates it has not started)"),
    STORE_FAILED(ExitCode.OPERATION, "reading or writing keel's flag tables failed with an SQL error");

    private final ExitCode exitCode;
    private final String meaning;

    FlagError(ExitCode exitCode, String meaning) {
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    @Override
    public String id() {
        return ErrorCode.id("FLAGS", name());
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
