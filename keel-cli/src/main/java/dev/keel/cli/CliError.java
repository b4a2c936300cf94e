package dev.keel.cli;

import dev.keel.error.ErrorCode;
import dev.keel.error.ExitCode;

/** Failures only the command line has: its helpers (git, the embedded server's state) and the drill's verdict. */
public enum CliError implements ErrorCode {
    EMBEDDED_NOT_CREATED(ExitCode.USAGE, "keel db was asked about an embedded PostgreSQL that keel db start has not created yet"),
    GIT_FAILED(ExitCode.USAGE, "keel check --changed-since could not run git, or git did not know the revision"),
    DRILL_FAILED(ExitCode.FAILED, "the restore drill ran, but the restored cluster failed one of its checks; see the drill's report");

    private final ExitCode exitCode;
    private final String meaning;

    CliError(ExitCode exitCode, String meaning) {
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    @Override
    public String id() {
        return ErrorCode.id("CLI", name());
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
