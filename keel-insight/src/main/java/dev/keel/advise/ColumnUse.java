package dev.keel.advise;

/**
 * A column a plan compares or sorts by.
 *
 * @param alias the table alias it was qualified with in the plan; null when unqualified
 * @param column the column name as stored in the catalog (unquoted)
 */
public record ColumnUse(String alias, String column, Kind kind) {

    /** In the order a multi-column index wants them: equality first, then one range or sort column. */
    public enum Kind {
        EQUALITY,
        JOIN,
        RANGE,
        SORT
    }
}
