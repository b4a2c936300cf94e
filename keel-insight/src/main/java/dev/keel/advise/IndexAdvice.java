package dev.keel.advise;

import java.util.List;

/**
 * What {@code keel advise indexes} found; what its --json prints.
 *
 * @param verifiedWith how candidates were checked against the planner: "hypopg" or "scratch copy"
 * @param statementsExamined how many ranked statements were planned
 * @param proposals indexes that make at least one statement minImprovement times cheaper
 * @param health problems with the indexes that exist
 * @param unusedAfterSeconds how long an index must go without a scan to be called unused (advise.unusedAfter)
 * @param tooEarly indexes with no scan over a shorter window: not advised on yet
 * @param notes what a reader must know to trust the advice, one sentence each
 */
public record IndexAdvice(
        String verifiedWith,
        double minImprovement,
        int statementsExamined,
        List<IndexProposal> proposals,
        List<HealthFinding> health,
        long unusedAfterSeconds,
        List<TooEarly> tooEarly,
        List<String> notes) {

    public IndexAdvice {
        proposals = List.copyOf(proposals);
        health = List.copyOf(health);
        tooEarly = List.copyOf(tooEarly);
        notes = List.copyOf(notes);
    }
}
