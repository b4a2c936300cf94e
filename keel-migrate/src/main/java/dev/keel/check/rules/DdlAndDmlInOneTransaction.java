package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlStatement;
import java.util.List;
import java.util.Optional;

/**
 * A transactional file that changes the schema of an existing table and also rewrites data in bulk
 * (UPDATE, DELETE, INSERT … SELECT on an existing table). Locks last until the transaction ends, so
 * the schema change's lock is held for the whole data change; the other way round, the changed rows
 * stay locked while the schema change waits for its lock, and a lock timeout throws the data change away.
 */
public final class DdlAndDmlInOneTransaction implements Rule {

    @Override
    public String id() {
        return "ddl-and-dml-in-one-transaction";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!c.transactional()) {
            return List.of();
        }
        Optional<DataChange> change = bulkChange(c, c.statement());
        if (change.isPresent()) {
            for (SqlStatement earlier : c.earlier()) {
                Optional<TableLocks.Lock> lock = schemaChange(c, earlier);
                if (lock.isPresent()) {
                    TableLocks.Lock l = lock.get();
                    return List.of(
                            c.finding(
                                    this,
                                    change.get().at(),
                                    "the " + l.mode().readable() + " lock " + l.verb() + " took on " + l.table()
                                            + " at line " + earlier.line()
                                            + " is held until this file commits, so it blocks "
                                            + TableLocks.blocks(l.mode()) + " on " + l.table() + " for as long as this "
                                            + change.get().verb() + " runs",
                                    "move the " + change.get().verb()
                                            + " to a migration file of its own after this one (for a backfill, to batches outside the migrations)"));
                }
            }
            return List.of();
        }
        Optional<TableLocks.Lock> lock = schemaChange(c, c.statement());
        if (lock.isEmpty()) {
            return List.of();
        }
        for (SqlStatement earlier : c.earlier()) {
            Optional<DataChange> earlierChange = bulkChange(c, earlier);
            if (earlierChange.isPresent()) {
                TableLocks.Lock l = lock.get();
                return List.of(c.finding(
                        this,
                        "this " + l.verb() + " commits together with the "
                                + earlierChange.get().verb() + " of "
                                + earlierChange.get().table() + " at line " + earlier.line()
                                + ": the rows it changed stay locked while " + l.verb()
                                + " waits for its " + l.mode().readable() + " lock on " + l.table()
                                + ", and if that lock times out the "
                                + earlierChange.get().verb() + " is rolled back with it",
                        "put the " + earlierChange.get().verb() + " and the " + l.verb()
                                + " in separate migration files"));
            }
        }
        return List.of();
    }

    /** UPDATE or DELETE of an existing table, or INSERT … SELECT into one. */
    private static Optional<DataChange> bulkChange(StatementContext c, SqlStatement statement) {
        return DataChange.of(statement)
                .filter(d -> c.existing(d.table()) && (!d.verb().equals("INSERT") || d.fromQuery()));
    }

    private static Optional<TableLocks.Lock> schemaChange(StatementContext c, SqlStatement statement) {
        return TableLocks.of(statement).stream()
                .filter(l -> c.existing(l.table()))
                .findFirst();
    }
}
