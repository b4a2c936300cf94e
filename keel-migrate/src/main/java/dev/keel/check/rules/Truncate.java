package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.List;

/**
 * TRUNCATE empties tables at once under ACCESS EXCLUSIVE. On a table the migrations created there is
 * nothing to lose; on an existing one it deletes data (and with CASCADE, that of referencing tables).
 */
public final class Truncate implements Rule {

    @Override
    public String id() {
        return "truncate";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!c.startsWith("TRUNCATE")) {
            return List.of();
        }
        List<String> existing = TableLocks.of(c.statement()).stream()
                .map(TableLocks.Lock::table)
                .filter(c::existing)
                .toList();
        if (existing.isEmpty()) {
            return List.of();
        }
        String cascade = c.statement().containsWord("CASCADE")
                ? ", and CASCADE empties every table that references them too"
                : "";
        return List.of(c.finding(
                this,
                "TRUNCATE deletes every row of " + String.join(", ", existing) + " under an ACCESS EXCLUSIVE lock"
                        + cascade,
                "if the data must really go, delete it in batches outside the migration; a table of data that can be rebuilt may waive"
                        + " this with that reason"));
    }
}
