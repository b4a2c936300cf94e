package dev.keel.migrate.shadow;

import java.util.List;

/** A foreign key: {@code columns} of {@code child} reference {@code referenced} of {@code parent}, in order. */
public record ForeignKey(
        RelationName child, RelationName parent, String name, List<String> columns, List<String> referenced) {

    public boolean selfReference() {
        return child.equals(parent);
    }
}
