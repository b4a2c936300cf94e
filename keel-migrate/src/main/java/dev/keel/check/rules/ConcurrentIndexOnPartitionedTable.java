package dev.keel.check.rules;

import dev.keel.check.CreateIndex;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.SchemaModel;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.List;

/**
 * PostgreSQL refuses CREATE INDEX CONCURRENTLY on a partitioned table, so the migration fails when it runs; the plain
 * form, which require-concurrent-index-creation flags, blocks writes to every partition. What works is the index on
 * the parent alone, each partition's built concurrently, and each attached.
 */
public final class ConcurrentIndexOnPartitionedTable implements Rule {

    @Override
    public String id() {
        return "concurrent-index-on-partitioned-table";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        CreateIndex index = CreateIndex.of(c.statement()).orElse(null);
        if (index == null || !index.concurrently()) {
            return List.of();
        }
        boolean partitioned = c.schema()
                .relation(index.table())
                .map(r -> r.kind() == SchemaModel.RelationKind.PARTITIONED_TABLE)
                .orElse(false);
        if (!partitioned) {
            return List.of();
        }
        return List.of(c.finding(
                this,
                "PostgreSQL cannot build an index CONCURRENTLY on the partitioned table " + index.table()
                        + ": this migration fails when it runs",
                "CREATE INDEX … ON ONLY " + index.table() + " (instant, invalid until complete), then CREATE INDEX"
                        + " CONCURRENTLY on each partition in files of their own, then ALTER INDEX … ATTACH PARTITION"
                        + " each one; or the create_index change operation, which does all of it"));
    }
}
