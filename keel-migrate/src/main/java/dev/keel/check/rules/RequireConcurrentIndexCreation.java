package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.CreateIndex;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.SchemaModel;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.List;

/**
 * CREATE INDEX without CONCURRENTLY on a table that already exists blocks its writes for the whole build.
 * On a partitioned table (the catalog says so) ON ONLY builds nothing and is fine, and the fix is the
 * one PostgreSQL allows: ON ONLY the parent, then each partition CONCURRENTLY.
 */
public final class RequireConcurrentIndexCreation implements Rule {

    @Override
    public String id() {
        return "require-concurrent-index-creation";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        CreateIndex index = CreateIndex.of(c.statement()).orElse(null);
        if (index == null || index.concurrently() || !c.existing(index.table())) {
            return List.of();
        }
        boolean partitioned = c.schema()
                .relation(index.table())
                .map(r -> r.kind() == SchemaModel.RelationKind.PARTITIONED_TABLE)
                .orElse(false);
        int on = ColumnDefinitions.indexAtDepthZero(c.tokens(), "ON", 0);
        if (partitioned
                && on >= 0
                && on + 1 < c.tokens().size()
                && c.tokens().get(on + 1).isWord("ONLY")) {
            return List.of();
        }
        return List.of(
                c.finding(
                        this,
                        "CREATE INDEX takes a SHARE lock on " + index.table()
                                + ": inserts, updates and deletes wait until the whole index is built",
                        partitioned
                                ? "PostgreSQL builds no index CONCURRENTLY on a partitioned table: CREATE INDEX … ON ONLY "
                                        + index.table()
                                        + " (instant, invalid until complete), then CREATE INDEX CONCURRENTLY on each partition in files of their"
                                        + " own,"
                                        + " and ALTER INDEX … ATTACH PARTITION each one"
                                : "CREATE INDEX CONCURRENTLY in a migration file of its own (keel runs it without a transaction)"));
    }
}
