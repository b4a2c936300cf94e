package dev.keel.advise;

import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import java.time.Duration;

/**
 * What {@code keel advise indexes} looks at and how strict it is.
 *
 * @param keelSchema where keel keeps its statistics snapshots (its own tables are never advised on)
 * @param since how far back the statement ranking reaches, as in {@code keel top --since}
 * @param statements how many of the statements with the most total time to examine
 * @param minImprovement a candidate is kept only when it makes a statement's estimated cost at least this many times lower
 * @param copyRows the most rows copied per table when candidates are verified on a scratch copy
 * @param hypopg whether to use hypopg when it is available; false forces the scratch copy
 * @param observe how long to sample the values of running statements from pg_stat_activity before advising; zero: only
 *                the samples stored earlier (within {@code since}) are used
 * @param unusedAfter how long an index must have gone without a scan before it is called unused (advise.unusedAfter)
 */
public record AdviseOptions(
        String keelSchema,
        Duration since,
        int statements,
        double minImprovement,
        long copyRows,
        boolean hypopg,
        Duration observe,
        Duration unusedAfter) {

    /** Two times cheaper: below that an index rarely pays for its writes and its space. */
    public static final double DEFAULT_MIN_IMPROVEMENT = 2.0;

    public AdviseOptions {
        if (statements < 1) {
            throw new KeelException(
                    InsightError.OPTION_INVALID,
                    "the number of statements to examine must be at least 1, not " + statements,
                    "pass --limit 1 or more");
        }
        if (minImprovement <= 1.0) {
            throw new KeelException(
                    InsightError.OPTION_INVALID,
                    "the minimum improvement must be more than 1 (times cheaper), not " + minImprovement,
                    "pass e.g. --min-improvement 2");
        }
        if (observe == null || observe.isNegative()) {
            throw new KeelException(
                    InsightError.OPTION_INVALID,
                    "the observation time must not be negative",
                    "pass e.g. --observe 30s, or leave it out");
        }
        if (unusedAfter == null || unusedAfter.isNegative()) {
            throw new KeelException(
                    InsightError.OPTION_INVALID,
                    "advise.unusedAfter must not be negative",
                    "set it to a duration such as 7d");
        }
        if (copyRows < 1) {
            throw new KeelException(
                    InsightError.OPTION_INVALID,
                    "the scratch copy must hold at least 1 row, not " + copyRows,
                    "pass --copy-rows 1 or more");
        }
    }

    public static AdviseOptions defaults(String keelSchema) {
        return new AdviseOptions(
                keelSchema,
                Duration.ofDays(7),
                10,
                DEFAULT_MIN_IMPROVEMENT,
                100_000,
                true,
                Duration.ZERO,
                IndexHealth.DEFAULT_UNUSED_AFTER);
    }

    public AdviseOptions withHypopg(boolean use) {
        return new AdviseOptions(keelSchema, since, statements, minImprovement, copyRows, use, observe, unusedAfter);
    }

    public AdviseOptions withSince(Duration window) {
        return new AdviseOptions(
                keelSchema, window, statements, minImprovement, copyRows, hypopg, observe, unusedAfter);
    }

    public AdviseOptions withMinImprovement(double factor) {
        return new AdviseOptions(keelSchema, since, statements, factor, copyRows, hypopg, observe, unusedAfter);
    }

    public AdviseOptions withCopyRows(long rows) {
        return new AdviseOptions(keelSchema, since, statements, minImprovement, rows, hypopg, observe, unusedAfter);
    }

    public AdviseOptions withStatements(int count) {
        return new AdviseOptions(keelSchema, since, count, minImprovement, copyRows, hypopg, observe, unusedAfter);
    }

    public AdviseOptions observing(Duration duration) {
        return new AdviseOptions(
                keelSchema, since, statements, minImprovement, copyRows, hypopg, duration, unusedAfter);
    }

    public AdviseOptions withUnusedAfter(Duration window) {
        return new AdviseOptions(keelSchema, since, statements, minImprovement, copyRows, hypopg, observe, window);
    }
}
