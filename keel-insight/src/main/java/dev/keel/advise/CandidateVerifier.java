package dev.keel.advise;

import java.sql.SQLException;
import java.util.List;

/** Asks the planner whether a candidate index would be used, and what it would save. */
interface CandidateVerifier {

    /** "hypopg" or "scratch copy": shown with the advice, so a reader knows how it was checked. */
    String method();

    /** @param statements the statements that suggested the candidate; the gains list those whose plan uses it */
    Verification verify(Candidate candidate, List<AdvisedStatement> statements) throws SQLException;

    static StatementGain gain(AdvisedStatement statement, double before, double after) {
        return new StatementGain(
                statement.queryId(),
                statement.query(),
                statement.calls(),
                statement.totalMs(),
                before,
                after,
                after <= 0 ? before : before / after,
                statement.evidence());
    }
}
