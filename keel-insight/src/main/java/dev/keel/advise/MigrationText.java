package dev.keel.advise;

import java.util.Locale;

/** The migration file that builds a proposed index: the one statement, alone, with why it is there. */
final class MigrationText {

    private MigrationText() {}

    static String of(Candidate candidate, double bestFactor, int statements) {
        return "-- Proposed by keel advise indexes: " + candidate.describe() + " makes " + statements
                + (statements == 1 ? " statement" : " statements") + " up to "
                + String.format(Locale.ROOT, "%.1f", bestFactor)
                + " times cheaper (planner estimate).\n"
                + "-- CONCURRENTLY does not block writes and cannot run in a transaction, so this statement has a file of its own.\n"
                + candidate.createConcurrently() + ";\n";
    }
}
