package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table: it is quick once it has the lock, but it
 * waits behind every running query of the table and every query of the table queues behind it. Since PostgreSQL 14
 * DETACH … CONCURRENTLY takes SHARE UPDATE EXCLUSIVE instead.
 */
public final class DetachPartitionWithoutConcurrently implements Rule {

    @Override
    public String id() {
        return "detach-partition-without-concurrently";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        AlterTable alter = c.alterTable().orElse(null);
        if (alter == null || !c.existing(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            if (!action.startsWith("DETACH", "PARTITION")
                    || action.contains("CONCURRENTLY")
                    || action.contains("FINALIZE")) {
                continue;
            }
            findings.add(c.finding(
                    this,
                    action.first(),
                    "DETACH PARTITION takes an ACCESS EXCLUSIVE lock on " + alter.table() + ": it waits for every"
                            + " running query of " + alter.table() + ", and every new one waits behind it",
                    c.postgresVersion() >= 14
                            ? "ALTER TABLE " + alter.table() + " DETACH PARTITION … CONCURRENTLY in a migration file of"
                                    + " its own (keel runs it without a transaction); not possible while "
                                    + alter.table() + " has a default partition: keep a short lock_timeout then"
                            : "DETACH … CONCURRENTLY needs PostgreSQL 14; until then run it with a short"
                                    + " lock_timeout and retry"));
        }
        return findings;
    }
}
