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
 * timestamp (without time zone) stores a wall-clock reading, not an instant: the same value means
 * different moments to clients in different time zones, and converting the column later rewrites it.
 */
public final class PreferTimestamptz implements Rule {
    private static final Set<String> TIMESTAMP = Set.of("timestamp", "timestamp without time zone");

    @Override
    public String id() {
        return "prefer-timestamptz";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        List<Finding> findings = new ArrayList<>();
        for (ColumnDefinitions.Column column : ColumnDefinitions.typed(c.statement())) {
            if (TIMESTAMP.contains(column.typeName())) {
                findings.add(c.finding(
                        this,
                        column.typeToken(),
                        column.name() + " is timestamp without time zone: it stores a wall-clock time, "
                                + "not an instant, and converting it to timestamptz later rewrites " + column.table()
                                + " under an ACCESS EXCLUSIVE lock",
                        "declare it timestamptz: it stores the instant and shows it in each session's time zone"));
            }
        }
        return findings;
    }
}
