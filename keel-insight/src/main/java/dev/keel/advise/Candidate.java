package dev.keel.advise;

import dev.keel.sql.Identifiers;
import java.util.List;

/** An index that might help: a plain b-tree on some columns of one table, in key order. */
public record Candidate(String schema, String table, List<String> columns) {
    private static final int MAX_NAME = 63;

    public Candidate {
        columns = List.copyOf(columns);
    }

    /** {@code orders_user_id_idx}, cut to PostgreSQL's 63 bytes of a name. */
    public String indexName() {
        String name = table + "_" + String.join("_", columns) + "_idx";
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 4) + "_idx";
    }

    public String qualifiedTable() {
        return Identifiers.qualified(schema, table);
    }

    String columnList() {
        return String.join(", ", columns.stream().map(Identifiers::quote).toList());
    }

    /** The statement the migration runs: it does not block writes, and a rerun after a success does nothing. */
    public String createConcurrently() {
        return "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + Identifiers.quote(indexName()) + " ON " + qualifiedTable()
                + " (" + columnList() + ")";
    }

    /** As in {@code orders(user_id, created_at)}. */
    public String describe() {
        return table + "(" + String.join(", ", columns) + ")";
    }
}
