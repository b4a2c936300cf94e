package dev.keel.check;

import java.util.HashSet;
import java.util.Set;

/**
 * What the checked migrations did so far, in order: a table created by them is new, and locking or
 * rewriting it harms nobody.
 */
public final class CheckState {
    /** Index names (unqualified) the checked migrations created. */
    public static final String CREATED_INDEX = "created-index";
    /** Index names (unqualified) the checked migrations created on a table they created too. */
    public static final String INDEX_ON_NEW_TABLE = "index-on-new-table";
    /** "table.column" (table unqualified) for columns the checked migrations added: no running code uses them yet. */
    public static final String ADDED_COLUMN = "added-column";

    private final Set<String> createdTables = new HashSet<>();
    private final java.util.Map<String, Set<String>> facts = new java.util.HashMap<>();

    /**
     * Facts rules keep for later statements, by kind: e.g. remember("validated-constraint",
     * "orders.orders_total_positive"). Record facts about the current statement after checking it.
     */
    public void remember(String kind, String value) {
        facts.computeIfAbsent(kind, k -> new HashSet<>()).add(value);
    }

    public boolean knows(String kind, String value) {
        return facts.getOrDefault(kind, Set.of()).contains(value);
    }

    public Set<String> all(String kind) {
        return java.util.Collections.unmodifiableSet(facts.getOrDefault(kind, Set.of()));
    }

    /** By the name as written: a qualified name counts for its schema only, an unqualified one for public (the usual search path). */
    public void tableCreated(String table) {
        createdTables.add(normal(table));
    }

    public boolean isNew(String table) {
        return table != null && createdTables.contains(normal(table));
    }

    private static String normal(String table) {
        return table.contains(".") ? table : "public." + table;
    }
}
