package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * varchar(n): the length limit is part of the type, so changing it is an ALTER COLUMN TYPE under
 * ACCESS EXCLUSIVE (a rewrite or full check when it shrinks). A CHECK on the length of a text column
 * can be swapped without blocking (NOT VALID, then VALIDATE). varchar without a length is text.
 */
public final class PreferText implements Rule {
    private static final Set<String> VARCHAR = Set.of("varchar", "character varying", "char varying");

    @Override
    public String id() {
        return "prefer-text";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        List<Finding> findings = new ArrayList<>();
        for (ColumnDefinitions.Column column : ColumnDefinitions.typed(c.statement())) {
            if (VARCHAR.contains(column.typeName()) && column.hasTypeModifier()) {
                findings.add(c.finding(
                        this,
                        column.typeToken(),
                        column.name() + " is " + column.typeName()
                                + "(n): changing the limit later is an ALTER COLUMN TYPE under an ACCESS EXCLUSIVE lock on "
                                + column.table()
                                + ", with a full rewrite when it shrinks",
                        "declare it text with a CHECK (char_length(" + column.name()
                                + ") <= n), which can later be replaced NOT VALID without blocking"));
            }
        }
        return findings;
    }
}
