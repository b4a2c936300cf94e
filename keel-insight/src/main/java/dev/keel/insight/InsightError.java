package dev.keel.insight;

import dev.keel.error.ErrorCode;
import dev.keel.error.ExitCode;

/** Failures of keel-insight: statement statistics, snapshots, index advice and the doctor. */
public enum InsightError implements ErrorCode {
    OPTION_INVALID(ExitCode.USAGE, "a limit, duration or other option of top, observe or advise is out of range"),
    THRESHOLD_UNKNOWN(
            ExitCode.USAGE,
            "doctor.thresholds names a check or a threshold the doctor does not know, or a check that takes none"),
    THRESHOLD_INVALID(ExitCode.USAGE, "a value in doctor.thresholds is not a number or duration the check accepts"),
    PG_STAT_STATEMENTS_MISSING(
            ExitCode.USAGE,
            "pg_stat_statements is not loaded by the server, or not installed in the database and keel cannot install it"),
    SNAPSHOT_FAILED(
            ExitCode.OPERATION, "taking, reading or deleting statement statistics snapshots in keel's schema failed"),
    QUERY_FAILED(
            ExitCode.OPERATION,
            "a query reading statistics or the catalog (top, observe, advise, the doctor) failed, often for a missing privilege");

    private final ExitCode exitCode;
    private final String meaning;

    InsightError(ExitCode exitCode, String meaning) {
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    @Override
    public String id() {
        return ErrorCode.id("INSIGHT", name());
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
