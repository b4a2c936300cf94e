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
 * char(n) / character(n) (and bare char, which is char(1)) pads values with spaces to n, ignores
 * trailing spaces when comparing, and is no faster than text. The quoted "char" is a different,
 * one-byte internal type and is not flagged.
 */
public final class PreferTextOverChar implements Rule {
    private static final Set<String> CHAR =
            Set.of("char", "character", "bpchar", "nchar", "national char", "national character");

    @Override
    public String id() {
        return "prefer-text-over-char";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        List<Finding> findings = new ArrayList<>();
        for (ColumnDefinitions.Column column : ColumnDefinitions.typed(c.statement())) {
            if (CHAR.contains(column.typeName())) {
                findings.add(c.finding(
                        this,
                        column.typeToken(),
                        column.name() + " is " + column.typeName()
                                + (column.hasTypeModifier() ? "(n)" : " (that is, char(1))")
                                + ": values are padded with spaces to the full length, trailing spaces are ignored in comparisons, and it is no"
                                + " faster than text",
                        "declare it text, with a CHECK (char_length(" + column.name()
                                + ") = n) if the length is fixed"));
            }
        }
        return findings;
    }
}
