package dev.keel.advise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a scanned table's columns into candidate indexes. Equality columns go first, the most
 * selective leading (pg_stats n_distinct, less the nulls), then one range or sort column, since a
 * b-tree serves equalities on a prefix and one range after it. The leading column alone is also a
 * candidate, so the planner's verdict decides between the narrow and the wide index.
 */
final class Candidates {
    /** Wider keys rarely pay off for the write cost they add. */
    static final int MAX_COLUMNS = 3;

    private Candidates() {}

    static List<Candidate> of(ScannedTable scan, TableCatalog catalog) {
        List<ColumnUse> known = scan.columns().stream()
                .filter(u -> catalog.hasColumn(u.column()))
                .toList();
        List<String> equal = known.stream()
                .filter(u -> u.kind() == ColumnUse.Kind.EQUALITY)
                .map(ColumnUse::column)
                .sorted(Comparator.comparingDouble(catalog::distinctValues).reversed())
                .limit(MAX_COLUMNS)
                .toList();
        List<String> key = new ArrayList<>(equal);
        if (key.isEmpty()) {
            known.stream()
                    .filter(u -> u.kind() == ColumnUse.Kind.JOIN)
                    .map(ColumnUse::column)
                    .findFirst()
                    .ifPresent(key::add);
        }
        if (key.size() < MAX_COLUMNS) {
            known.stream()
                    .filter(u -> u.kind() == ColumnUse.Kind.RANGE || u.kind() == ColumnUse.Kind.SORT)
                    .map(ColumnUse::column)
                    .filter(c -> !key.contains(c))
                    .findFirst()
                    .ifPresent(key::add);
        }
        List<Candidate> candidates = new ArrayList<>();
        if (key.isEmpty()) {
            return candidates;
        }
        add(candidates, new Candidate(scan.schema(), scan.table(), key), catalog);
        if (key.size() > 1) {
            add(candidates, new Candidate(scan.schema(), scan.table(), key.subList(0, 1)), catalog);
        }
        return candidates;
    }

    private static void add(List<Candidate> candidates, Candidate candidate, TableCatalog catalog) {
        if (!catalog.covers(candidate.columns()) && !candidates.contains(candidate)) {
            candidates.add(candidate);
        }
    }
}
