package dev.keel.advise;

import java.util.List;

/**
 * A table a plan reads in full (a sequential scan), with the columns that an index could serve.
 *
 * @param alias the name the plan refers to it by
 * @param columns equality filters, join keys, range filters and sort keys, in plan order
 */
public record ScannedTable(String schema, String table, String alias, List<ColumnUse> columns) {

    public ScannedTable {
        columns = List.copyOf(columns);
    }
}
