package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * serial types in CREATE TABLE: a serial is an integer column with a nextval() default and a sequence
 * tied to it loosely (its own privileges, its own ownership, values that are easy to write past).
 * An identity column (PostgreSQL 10) is standard SQL and keeps the sequence part of the column.
 * ADD COLUMN of a serial on an existing table is adding-serial-column's business.
 */
public final class PreferIdentity implements Rule {
    private static final Map<String, String> INTEGER_OF = Map.of(
            "serial",
            "integer",
            "serial4",
            "integer",
            "bigserial",
            "bigint",
            "serial8",
            "bigint",
            "smallserial",
            "smallint",
            "serial2",
            "smallint");

    @Override
    public String id() {
        return "prefer-identity";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        ColumnDefinitions definitions = ColumnDefinitions.of(c.statement()).orElse(null);
        if (definitions == null || !definitions.createTable()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ColumnDefinitions.Column column : definitions.columns()) {
            String integer = INTEGER_OF.get(column.typeName());
            if (integer != null) {
                findings.add(c.finding(
                        this,
                        column.typeToken(),
                        column.name() + " is " + column.typeName()
                                + ": its sequence is a separate object with its own privileges, and nothing stops inserts from writing their own"
                                + " values past it",
                        "declare it " + integer
                                + " GENERATED ALWAYS AS IDENTITY (or BY DEFAULT, when rows may bring their own key)"));
            }
        }
        return findings;
    }
}
