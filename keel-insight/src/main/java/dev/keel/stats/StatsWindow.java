package dev.keel.stats;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How the counters of two snapshots compare. pg_stat_statements counts from its last reset; a
 * reset between the snapshots, or a restart that lost the counters, leaves nothing to subtract,
 * so every statement then counts from zero and the window really starts at the reset.
 *
 * <p>A clean shutdown keeps the counters (pg_stat_statements.save is on by default) and so keeps
 * pg_stat_statements_info.stats_reset; a crash, or save off, starts them afresh with a new
 * stats_reset. Before PostgreSQL 14 there is no stats_reset: a restart then cannot tell, and the
 * per-statement rule (a counter that went down counts from zero) decides statement by statement.
 *
 * @param fromZero whether every statement counts from zero (the older snapshot is of no use)
 * @param start when the figures start counting: the older snapshot, or the reset; null when unknown
 * @param notes what a reader must know to trust the figures, one sentence each
 */
public record StatsWindow(boolean fromZero, OffsetDateTime start, OffsetDateTime end, List<String> notes) {

    public StatsWindow {
        notes = List.copyOf(notes);
    }

    public static StatsWindow between(Snapshot older, Snapshot newer) {
        List<String> notes = new ArrayList<>();
        if (older == null) {
            OffsetDateTime reset = newer.statementsResetAt();
            notes.add("no earlier snapshot to compare with: figures count since pg_stat_statements was last reset"
                    + (reset == null ? "" : " (" + Times.format(reset) + ")")
                    + "; run keel stats snapshot regularly (e.g. hourly from cron) to see a recent window");
            return new StatsWindow(true, reset, newer.takenAt(), notes);
        }
        boolean resetKnown = older.statementsResetAt() != null && newer.statementsResetAt() != null;
        if (resetKnown && !older.statementsResetAt().isEqual(newer.statementsResetAt())) {
            OffsetDateTime reset = newer.statementsResetAt();
            notes.add((newer.sameServerRun(older)
                            ? "pg_stat_statements was reset at " + Times.format(reset)
                            : "the server restarted at " + Times.format(newer.serverStartedAt())
                                    + " and lost the statement counters")
                    + ", after the snapshot of " + Times.format(older.takenAt())
                    + ": the window is shorter than asked and figures count from " + Times.format(reset));
            return new StatsWindow(true, reset, newer.takenAt(), notes);
        }
        if (!newer.sameServerRun(older)) {
            notes.add(
                    resetKnown
                            ? "the server restarted at " + Times.format(newer.serverStartedAt())
                                    + " and kept its statement counters: the window is whole"
                            : "the server restarted at " + Times.format(newer.serverStartedAt())
                                    + "; statements whose counters went down count from the restart only");
        }
        return new StatsWindow(false, older.takenAt(), newer.takenAt(), notes);
    }
}
