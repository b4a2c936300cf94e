package dev.keel.stats;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements ranked by their activity between two snapshots; what {@code keel top --json} prints.
 *
 * @param askedStart the start the caller asked for; null when none was asked
 * @param start when the figures start counting (the older snapshot or a reset); null when unknown
 * @param fromSnapshot the older snapshot's id; null when figures count since the last reset
 * @param totalMs execution time of all statements in the window, also those below the limit
 * @param visibility whether the role saw every role's statements; when not, the ranking holds only its own
 */
public record Ranking(
        OffsetDateTime askedStart,
        OffsetDateTime start,
        OffsetDateTime end,
        Long fromSnapshot,
        long toSnapshot,
        RankBy rankedBy,
        double totalMs,
        long totalCalls,
        long statementCount,
        List<String> notes,
        List<RankedStatement> statements,
        StatsVisibility visibility) {

    public Ranking {
        notes = List.copyOf(notes);
        statements = List.copyOf(statements);
        visibility = visibility == null ? StatsVisibility.UNKNOWN : visibility;
    }

    /** The same ranking, saying which start was asked for, who looked, and what the reader must know first. */
    public Ranking asked(OffsetDateTime asked, StatsVisibility seenBy, List<String> firstNotes) {
        List<String> all = new ArrayList<>();
        if (seenBy.notice() != null) {
            all.add(seenBy.notice());
        }
        all.addAll(firstNotes);
        all.addAll(notes);
        return new Ranking(
                asked,
                start,
                end,
                fromSnapshot,
                toSnapshot,
                rankedBy,
                totalMs,
                totalCalls,
                statementCount,
                all,
                statements,
                seenBy);
    }
}
