package dev.keel.stats;

/** What a ranking orders statements by; each is an expression over the ranking query's columns. */
public enum RankBy {
    /** Total execution time: where the server's time goes. */
    TOTAL("a.total_exec_ms"),
    /** Mean execution time per call: the slowest single statements. */
    MEAN("a.total_exec_ms / a.calls"),
    CALLS("a.calls"),
    ROWS("a.rows"),
    /** Shared blocks read from outside PostgreSQL's buffer cache: the statements that cause I/O. */
    IO("a.shared_blks_read");

    private final String orderExpression;

    RankBy(String orderExpression) {
        this.orderExpression = orderExpression;
    }

    String orderExpression() {
        return orderExpression;
    }
}
