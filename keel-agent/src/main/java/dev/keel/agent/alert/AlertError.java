package dev.keel.agent.alert;

import dev.keel.error.ErrorCode;
import dev.keel.error.ExitCode;

/** Failures of keel up's alerts. */
public enum AlertError implements ErrorCode {
    STATE_FAILED(
            ExitCode.OPERATION,
            "creating, reading or writing the alerts keel up has sent or their delivery attempts (agent_alerts,"
                    + " agent_deliveries in keel's schema) failed");

    private final ExitCode exitCode;
    private final String meaning;

    AlertError(ExitCode exitCode, String meaning) {
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    @Override
    public String id() {
        return ErrorCode.id("ALERT", name());
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
