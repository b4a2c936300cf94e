package dev.keel.advise;

/**
 * What an index does for one statement, in the planner's estimated cost units.
 *
 * @param factor costBefore / costAfter: how many times cheaper the statement gets
 * @param totalMs the statement's execution time in the ranked window, to weigh the gain
 * @param costBefore the estimated cost per execution: averaged over the sampled values when there are samples
 * @param evidence what the costs rest on: "generic plan" (no values known), or the sampled values they were planned with
 */
public record StatementGain(
        long queryId,
        String query,
        long calls,
        double totalMs,
        double costBefore,
        double costAfter,
        double factor,
        String evidence) {}
