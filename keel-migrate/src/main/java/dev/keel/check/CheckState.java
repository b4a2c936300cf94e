package dev.keel.check;

import java.util.HashSet;
import java.util.Set;

/**
 * What the checked migrations did so far, in order: a table created by them is new, and locking or
 * rewriting it harms nobody.
 */
public final class CheckState {
    private final Set<String> createdTables = new HashSet<>();

    public void tableCreated(String table) {
        createdTables.add(Names.unqualified(table));
    }

    public boolean isNew(String table) {
        return table != null && createdTables.contains(Names.unqualified(table));
    }
}
