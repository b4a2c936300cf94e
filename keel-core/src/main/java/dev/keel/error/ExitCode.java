package dev.keel.error;

/** The process exit codes every keel command keeps (see DESIGN.md, "Command line"). */
public enum ExitCode {
    OK(0),
    /** A check, validation, verification, doctor finding or drill target failed. */
    FAILED(1),
    /** Usage or configuration error. */
    USAGE(2),
    /** Database unreachable or authentication failed. */
    UNREACHABLE(3),
    /** An operation failed: SQL error, lock timeout after retries, I/O. */
    OPERATION(4),
    /** An internal invariant broke: a Keel bug, never the user's input. */
    BUG(70),
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
