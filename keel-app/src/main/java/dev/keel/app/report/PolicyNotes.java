package dev.keel.app.report;

import dev.keel.check.CheckReport;
import java.util.ArrayList;
import java.util.List;

/**
 * How keel.yaml narrowed a check run (check.startAfter, check.exclude), in one wording for every report format: a
 * reader of any of them must see that some files or rules were not checked, not mistake silence for safety.
 */
public final class PolicyNotes {

    private PolicyNotes() {}

    /** "checks start after version …", or null when check.startAfter is not set. */
    public static String startAfter(CheckReport report) {
        if (report.startAfter() == null) {
            return null;
        }
        return "checks start after version " + report.startAfter() + " (check.startAfter): " + report.skippedFiles()
                + " earlier file" + (report.skippedFiles() == 1 ? "" : "s") + " read for the schema only";
    }

    /** "rules excluded by check.exclude: …", or null when no rule is excluded. */
    public static String excluded(CheckReport report) {
        return report.excluded().isEmpty()
                ? null
                : "rules excluded by check.exclude: " + String.join(", ", report.excluded());
    }

    /** Both notes that apply, in that order. */
    public static List<String> all(CheckReport report) {
        List<String> notes = new ArrayList<>();
        if (startAfter(report) != null) {
            notes.add(startAfter(report));
        }
        if (excluded(report) != null) {
            notes.add(excluded(report));
        }
        return notes;
    }
}
