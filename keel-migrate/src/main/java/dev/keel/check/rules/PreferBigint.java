package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A key column (primary key, named id or *_id, or referencing another table) of a 32- or 16-bit
 * integer type. Keys only grow; when they run out, widening the column rewrites the table and its
 * indexes under ACCESS EXCLUSIVE — and every referencing column with it.
 */
public final class PreferBigint implements Rule {
    private static final Set<String> SMALL_INTEGERS =
            Set.of("integer", "int", "int4", "smallint", "int2", "serial", "serial4", "smallserial", "serial2");

    @Override
    public String id() {
        return "prefer-bigint";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        ColumnDefinitions definitions = ColumnDefinitions.of(c.statement()).orElse(null);
        if (definitions == null) {
            return List.of();
        }
        Set<String> keyColumns = new HashSet<>();
        for (ColumnDefinitions.TableConstraint constraint : definitions.constraints()) {
            if (constraint.kind().equals("PRIMARY KEY") || constraint.kind().equals("FOREIGN KEY")) {
                keyColumns.addAll(constraint.columns());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (ColumnDefinitions.Column column : definitions.columns()) {
            String type = column.typeName();
            if (!SMALL_INTEGERS.contains(type) || !isKey(column, keyColumns)) {
                continue;
            }
            String limit = type.contains("small") || type.endsWith("2") ? "32,767" : "2,147,483,647";
            findings.add(c.finding(
                    this,
                    column.typeToken(),
                    "the key column " + column.name() + " is " + type + ", which runs out at " + limit
                            + ": widening it later rewrites " + definitions.table()
                            + " and its indexes under an ACCESS EXCLUSIVE lock",
                    "declare it bigint (for a generated key: bigint GENERATED ALWAYS AS IDENTITY)"));
        }
        return findings;
    }

    private static boolean isKey(ColumnDefinitions.Column column, Set<String> keyColumns) {
        String name = column.name();
        return name != null
                && (name.equals("id")
                        || name.endsWith("_id")
                        || keyColumns.contains(name)
                        || column.restHas("PRIMARY")
                        || column.restHas("REFERENCES"));
    }
}
