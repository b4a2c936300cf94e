package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * json keeps the text as written: every access parses it again, it has no equality operator (no
 * DISTINCT, GROUP BY or UNIQUE on it) and no GIN index support. jsonb stores it parsed.
 */
public final class PreferJsonb implements Rule {

    @Override
    public String id() {
        return "prefer-jsonb";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        List<Finding> findings = new ArrayList<>();
        for (ColumnDefinitions.Column column : ColumnDefinitions.typed(c.statement())) {
            if (column.typeName().equals("json")) {
                findings.add(c.finding(
                        this,
                        column.typeToken(),
                        column.name() + " is json: every access parses the text again, "
                                + "it cannot be compared for equality (no DISTINCT, GROUP BY or UNIQUE) and GIN indexes do not support it",
                        "declare it jsonb, unless the exact text (key order, duplicate keys, spacing) must be kept"));
            }
        }
        return findings;
    }
}
