package dev.keel.advise;

import java.util.List;

/**
 * What the planner said about one candidate.
 *
 * @param gains the statements whose plan used the index, with their costs before and after
 * @param estimatedBytes the index's estimated size on the real table
 */
record Verification(Candidate candidate, List<StatementGain> gains, long estimatedBytes) {

    Verification {
        gains = List.copyOf(gains);
    }

    double bestFactor() {
        return gains.stream().mapToDouble(StatementGain::factor).max().orElse(1.0);
    }
}
