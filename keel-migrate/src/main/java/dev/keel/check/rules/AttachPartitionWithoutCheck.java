package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * ATTACH PARTITION of a table that already holds rows reads every one of them to prove it fits the bounds, holding
 * ACCESS EXCLUSIVE on that table the whole time. A validated CHECK constraint that implies the bounds spares the
 * scan, and it can be added NOT VALID and validated without blocking writes.
 */
public final class AttachPartitionWithoutCheck implements Rule {

    @Override
    public String id() {
        return "attach-partition-without-check";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        AlterTable alter = c.alterTable().orElse(null);
        if (alter == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            if (!action.startsWith("ATTACH", "PARTITION") || action.tokens().size() < 3) {
                continue;
            }
            String partition = Names.qualifiedAt(action.tokens(), 2);
            if (partition == null || !c.existing(partition) || proven(c, partition)) {
                continue;
            }
            findings.add(c.finding(
                    this,
                    action.first(),
                    "ATTACH PARTITION reads every row of " + partition + " to prove it fits the bounds, holding an"
                            + " ACCESS EXCLUSIVE lock on " + partition + " for the whole scan",
                    "first, in migrations of their own: ALTER TABLE " + partition + " ADD CONSTRAINT "
                            + Names.unqualified(partition) + "_bounds CHECK (<key> IS NOT NULL AND <key> >= <from>"
                            + " AND <key> < <to>) NOT VALID; then ALTER TABLE " + partition
                            + " VALIDATE CONSTRAINT " + Names.unqualified(partition) + "_bounds; then attach (the"
                            + " validated check spares the scan) and drop the check"));
        }
        return findings;
    }

    /** A validated CHECK on the table other than a single column's IS NOT NULL: taken as the bounds' proof. */
    private static boolean proven(StatementContext c, String table) {
        return c.schema()
                .relation(table)
                .map(r ->
                        r.constraints().stream().anyMatch(k -> k.check() && k.validated() && k.notNullColumn() == null))
                .orElse(false);
    }
}
