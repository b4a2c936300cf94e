package dev.keel.migrate.shadow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parents before children, so that a child's foreign key columns find parent rows to point at.
 * A table referencing itself reads the rows it already has; in a cycle the table met first goes
 * first and its reference may stay NULL (or the table is skipped if that column is NOT NULL).
 */
public final class FillOrder {
    private FillOrder() {}

    public static List<RelationName> parentsFirst(Collection<RelationName> tables, Collection<ForeignKey> keys) {
        Set<RelationName> done = new LinkedHashSet<>();
        Set<RelationName> visiting = new LinkedHashSet<>();
        for (RelationName table : new TreeSet<>(tables)) {
            visit(table, tables, keys, done, visiting);
        }
        return new ArrayList<>(done);
    }

    private static void visit(
            RelationName table,
            Collection<RelationName> tables,
            Collection<ForeignKey> keys,
            Set<RelationName> done,
            Set<RelationName> visiting) {
        if (done.contains(table) || !visiting.add(table)) {
            return;
        }
        keys.stream()
                .filter(k -> k.child().equals(table) && !k.selfReference() && tables.contains(k.parent()))
                .map(ForeignKey::parent)
                .sorted()
                .forEach(parent -> visit(parent, tables, keys, done, visiting));
        visiting.remove(table);
        done.add(table);
    }
}
