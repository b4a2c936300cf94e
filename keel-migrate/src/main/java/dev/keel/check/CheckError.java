package dev.keel.check;

import dev.keel.error.ErrorCode;
import dev.keel.error.ExitCode;

/** Failures of keel check itself (its findings are reported, not thrown): its settings and the files it is given. */
public enum CheckError implements ErrorCode {
    RULE_UNKNOWN(ExitCode.USAGE, "check settings (exclude, waivers) name a rule that keel check does not have"),
    PATH_MISSING(ExitCode.USAGE, "keel check was given a file or directory that does not exist"),
    FILE_NOT_TEXT(ExitCode.FAILED, "keel check was given a binary file or one that is not valid UTF-8"),
    GIT_FAILED(ExitCode.USAGE, "keel check --changed-since could not run git, or git did not know the revision");

    private final ExitCode exitCode;
    private final String meaning;

    CheckError(ExitCode exitCode, String meaning) {
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    @Override
    public String id() {
        return ErrorCode.id("CHECK", name());
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
