package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ColumnReferences;
import dev.keel.change.LiveSchema;
import dev.keel.change.ShadowNames;
import dev.keel.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The indexes and constraints over a column that alter_column copies: complete drops the old column, and with it
 * everything built on it, so start builds each on the new column (indexes concurrently, constraints NOT VALID),
 * complete validates the constraints and, once the old column is gone, gives each copy the original's name. What it
 * cannot copy yet is a problem found before anything runs.
 */
final class CarriedDependents {
    /** One thing alter_column cannot take along, said as a finding. */
    record Problem(String message, String fix) {}

    private final LiveSchema.Table table;
    private final String column;
    private final String newColumn;
    private final List<LiveSchema.Dependent> dependents;

    private CarriedDependents(LiveSchema.Table table, String column, String newColumn) {
        this.table = table;
        this.column = column;
        this.newColumn = newColumn;
        this.dependents = table == null ? List.of() : table.dependentsOf(column);
    }

    /** @param table null for a table the same change file creates, which has nothing to carry */
    static CarriedDependents of(LiveSchema.Table table, String column, String newColumn) {
        return new CarriedDependents(table, column, newColumn);
    }

    List<Problem> problems(boolean typeChanges) {
        List<Problem> problems = new ArrayList<>();
        String col = Identifiers.display(column);
        for (LiveSchema.Dependent d : dependents) {
            String name = Identifiers.display(d.name());
            switch (d.kind()) {
                case "index" -> {
                    if (d.primary()) {
                        problems.add(new Problem(
                                col + " is part of the primary key " + name + ", which alter_column cannot copy",
                                "change a key column with a migration of its own, or add a new key column"));
                    } else if ("x".equals(d.constraintType())) {
                        problems.add(new Problem(
                                "exclusion constraint " + name + " covers " + col + ", which alter_column cannot copy",
                                "drop it in an earlier change (drop_constraint) and add it back in a later one"));
                    } else if (!d.simple()) {
                        problems.add(new Problem(
                                "index " + name + " uses " + col + " in an expression or a predicate, which"
                                        + " alter_column cannot copy",
                                "drop it in an earlier change (drop_index) and create it again in a later one"));
                    } else if (typeChanges && chosenForTheOldType(d)) {
                        problems.add(new Problem(
                                "index " + name + " uses an operator class or collation chosen for the old type of "
                                        + col,
                                "drop it in an earlier change (drop_index) and create it for the new type in a"
                                        + " later one"));
                    } else if (table.partitioned()) {
                        problems.add(new Problem(
                                "index " + name + " is on a partitioned table, where alter_column cannot copy"
                                        + " indexes yet",
                                "drop it in an earlier change (drop_index) and create it again in a later one"));
                    }
                }
                case "referenced_by" ->
                    problems.add(new Problem(
                            "foreign key " + name + " of " + d.otherTable() + " references " + col
                                    + ", which alter_column cannot repoint",
                            "drop that foreign key in an earlier change and add it back in a later one"));
                default -> {
                    // Foreign keys and checks of this table are copied.
                }
            }
        }
        return problems;
    }

    /** Whether the column's place in the index names a collation or an operator class, which fit its old type. */
    private boolean chosenForTheOldType(LiveSchema.Dependent d) {
        int at = d.keyColumns().indexOf(column);
        if (at < 0 || at >= d.keyOptions().size() || d.keyOptions().get(at) == null) {
            return false;
        }
        String options = d.keyOptions().get(at);
        for (String order : List.of(" NULLS FIRST", " NULLS LAST", " DESC")) {
            options = options.replace(order, "");
        }
        return !options.isBlank();
    }

    /** The checks over the column, as expressions over column names, which must compile against the new type. */
    List<String> checkExpressions() {
        return dependents.stream()
                .filter(d -> d.kind().equals("check"))
                .map(d -> inner(withoutNotValid(d.definition())))
                .toList();
    }

    List<Action> start(String qualifiedTable, String schema) {
        List<Action> actions = new ArrayList<>();
        for (LiveSchema.Dependent d : dependents) {
            String copy = ShadowNames.copyOf(d.name());
            switch (d.kind()) {
                case "index" ->
                    actions.add(Action.buildIndex(
                            "build a copy of index " + d.name() + " on " + newColumn + " concurrently",
                            "CREATE " + (d.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY IF NOT EXISTS "
                                    + quote(copy)
                                    + " ON " + qualifiedTable + " USING " + d.method() + " (" + keyColumns(d) + ")"
                                    + (d.include().isEmpty() ? "" : " INCLUDE (" + columns(d.include()) + ")"),
                            schema,
                            copy));
                case "foreign_key" ->
                    actions.add(Action.atomic(
                            "add a copy of foreign key " + d.name() + " on " + newColumn + " (NOT VALID)",
                            "ALTER TABLE " + qualifiedTable + " ADD CONSTRAINT " + quote(copy) + " "
                                    + foreignKey(withoutNotValid(d.definition())) + " NOT VALID"));
                case "check" ->
                    actions.add(Action.atomic(
                            "add a copy of check " + d.name() + " on " + newColumn + " (NOT VALID)",
                            "ALTER TABLE " + qualifiedTable + " ADD CONSTRAINT " + quote(copy) + " "
                                    + ColumnReferences.rename(withoutNotValid(d.definition()), column, newColumn)
                                    + " NOT VALID"));
                default -> {
                    // referenced_by is a problem, found before start.
                }
            }
        }
        return actions;
    }

    /**
     * Before the old column goes: the copies of constraints are checked against every row, except copies of
     * constraints that were never validated themselves, whose old rows nobody promised to hold to them.
     */
    List<Action> validate(String qualifiedTable) {
        return dependents.stream()
                .filter(d -> d.kind().equals("foreign_key") || d.kind().equals("check"))
                .filter(d -> !d.definition().endsWith(" NOT VALID"))
                .map(d -> Action.validate(
                        "validate the copy of " + d.name() + " against every row of " + table.name(),
                        "ALTER TABLE " + qualifiedTable + " VALIDATE CONSTRAINT "
                                + quote(ShadowNames.copyOf(d.name()))))
                .toList();
    }

    /** After the old column and what stood on it are gone: each copy takes the original's name. */
    List<Action> rename(String qualifiedTable, String schema) {
        List<Action> actions = new ArrayList<>();
        for (LiveSchema.Dependent d : dependents) {
            String copy = quote(ShadowNames.copyOf(d.name()));
            switch (d.kind()) {
                case "index" ->
                    actions.add(
                            d.constraint() != null
                                    ? Action.atomic(
                                            "make the copy of " + d.name() + " the unique constraint " + d.constraint(),
                                            "ALTER TABLE " + qualifiedTable + " ADD CONSTRAINT " + quote(d.constraint())
                                                    + " UNIQUE USING INDEX " + copy)
                                    : Action.atomic(
                                            "rename the copy of index " + d.name() + " to " + d.name(),
                                            "ALTER INDEX " + Identifiers.qualified(schema, ShadowNames.copyOf(d.name()))
                                                    + " RENAME TO " + quote(d.name())));
                case "foreign_key", "check" ->
                    actions.add(Action.atomic(
                            "rename the copy of " + d.name() + " to " + d.name(),
                            "ALTER TABLE " + qualifiedTable + " RENAME CONSTRAINT " + copy + " TO " + quote(d.name())));
                default -> {
                    // Nothing was copied.
                }
            }
        }
        return actions;
    }

    private String keyColumns(LiveSchema.Dependent d) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < d.keyColumns().size(); i++) {
            String options = i < d.keyOptions().size() ? d.keyOptions().get(i) : "";
            keys.add(quote(moved(d.keyColumns().get(i))) + (options == null ? "" : options));
        }
        return String.join(", ", keys);
    }

    private String columns(List<String> names) {
        return names.stream().map(n -> quote(moved(n))).collect(Collectors.joining(", "));
    }

    private String moved(String name) {
        return name.equals(column) ? newColumn : name;
    }

    /** FOREIGN KEY (a, b) REFERENCES t(x, y) …: only the columns of this table move. */
    private String foreignKey(String definition) {
        int references = definition.indexOf(") REFERENCES ");
        if (references < 0) {
            throw new IllegalStateException("a foreign key PostgreSQL printed without REFERENCES: " + definition);
        }
        return ColumnReferences.rename(definition.substring(0, references + 1), column, newColumn)
                + definition.substring(references + 1);
    }

    private static String withoutNotValid(String definition) {
        return definition.endsWith(" NOT VALID")
                ? definition.substring(0, definition.length() - " NOT VALID".length())
                : definition;
    }

    /** CHECK (expr) → expr. */
    private static String inner(String check) {
        int open = check.indexOf('(');
        int close = check.lastIndexOf(')');
        return open >= 0 && close > open ? check.substring(open + 1, close) : check;
    }
}
