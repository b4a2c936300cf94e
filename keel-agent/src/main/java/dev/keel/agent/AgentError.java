package dev.keel.agent;

import dev.keel.error.ErrorCode;
import dev.keel.error.ExitCode;

/** Failures of keel up: where it listens, who may ask it, and the history it keeps. */
public enum AgentError implements ErrorCode {
    LISTEN_INVALID(ExitCode.USAGE, "--listen or agent.listen is not HOST:PORT with a port from 1 to 65535"),
    TOKEN_REQUIRED(
            ExitCode.USAGE,
            "keel up was asked to listen on an address other hosts can reach, and agent.token is not set"),
    PORT_IN_USE(
            ExitCode.OPERATION,
            "the address keel up should listen on is taken by another process, or cannot be bound on this host"),
    HISTORY_FAILED(
            ExitCode.OPERATION,
            "creating, reading, writing or pruning the job history or the doctor's last report (agent_runs,"
                    + " agent_doctor in keel's schema) failed");

    private final ExitCode exitCode;
    private final String meaning;

    AgentError(ExitCode exitCode, String meaning) {
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    @Override
    public String id() {
        return ErrorCode.id("AGENT", name());
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
