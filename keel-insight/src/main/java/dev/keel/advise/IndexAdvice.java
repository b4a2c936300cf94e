package dev.keel.advise;

import java.util.List;

/**
 * What {@code keel advise indexes} found; what its --json prints.
 *
 * @param verifiedWith how candidates were checked against the planner: "hypopg" or "shadow copy"
 * @param statementsExamined how many ranked statements were planned
 * @param proposals indexes that make at least one statement minImprovement times cheaper
 * @param health problems with the indexes that exist
 * @param notes what a reader must know to trust the advice, one sentence each
 */
public record IndexAdvice(String verifiedWith, double minImprovement, int statementsExamined, List<IndexProposal> proposals,
                          List<HealthFinding> health, List<String> notes) {

    public IndexAdvice {
        proposals = List.copyOf(proposals);
        health = List.copyOf(health);
        notes = List.copyOf(notes);
    }
}
