package dev.keel.testing.live;

import java.util.List;

/**
 * One look at the data through two versions, in one snapshot: the rows each side's query returned
 * and the first row where they differ (null when they agree row for row).
 */
public record DataComparison(
        String step, String leftSide, String rightSide, int leftRows, int rightRows, String firstDifference) {

    public boolean same() {
        return firstDifference == null;
    }

    /** Compares the two results in order, each row as its columns' text. */
    static DataComparison of(
            String step, String leftSide, List<List<String>> left, String rightSide, List<List<String>> right) {
        String difference = null;
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common && difference == null; i++) {
            if (!left.get(i).equals(right.get(i))) {
                difference =
                        "row " + (i + 1) + ": " + leftSide + " " + left.get(i) + ", " + rightSide + " " + right.get(i);
            }
        }
        if (difference == null && left.size() != right.size()) {
            List<String> extra = left.size() > right.size() ? left.get(common) : right.get(common);
            difference = leftSide + " has " + left.size() + " rows, " + rightSide + " " + right.size()
                    + "; the first extra: " + extra;
        }
        return new DataComparison(step, leftSide, rightSide, left.size(), right.size(), difference);
    }

    @Override
    public String toString() {
        return "after " + step + ", " + leftSide + " (" + leftRows + " rows) and " + rightSide + " (" + rightRows
                + " rows): " + (same() ? "same" : firstDifference);
    }
}
