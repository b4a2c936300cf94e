package dev.keel.testing.live;

/** An application statement that failed: which side and thread, during which step, and PostgreSQL's answer. */
public record StatementFailure(
        String side, String thread, StatementKind kind, String step, String sqlState, String message) {

    @Override
    public String toString() {
        return side + " " + kind.label() + " (" + thread + ") during " + step + ": " + sqlState + " " + message;
    }
}
