package dev.keel.change.ops;

import dev.keel.change.ChangeContext;
import dev.keel.change.ColumnReferences;
import dev.keel.change.LiveSchema;
import dev.keel.change.YamlNode;
import dev.keel.projection.CachedColumnDefinition;
import dev.keel.projection.CounterDefinition;
import dev.keel.projection.ProjectionCatalog;
import dev.keel.projection.SummaryDefinition;
import dev.keel.projection.SummaryQuery;
import dev.keel.sql.Identifiers;
import java.util.List;
import java.util.stream.Stream;

/**
 * Refuses to drop or rename a table or column that a projection keel keeps reads by name. Its triggers name the
 * columns (a renamed one fails every write to the table), its checks and refreshes name the tables, and a dropped
 * table takes the triggers with it while the stripes, summary and registration stay behind, counting nothing. A
 * materialized view is left out: PostgreSQL tracks what it reads itself, refuses such a drop and follows a rename.
 */
final class ProjectionDependencies {
    private ProjectionDependencies() {}

    /** What one projection reads: a physical table, and the columns of it that it names. */
    private record Reads(String table, List<String> columns, String sql) {
        boolean column(String column) {
            return columns.contains(column) || (sql != null && ColumnReferences.mentions(sql, column));
        }
    }

    static void refuseTable(ChangeContext ctx, String table, YamlNode.Position at, String doing) {
        for (LiveSchema.Projection p : ctx.shape().projections()) {
            if (reads(p).anyMatch(r -> r.table().equals(table))) {
                refuse(ctx, p, at, doing, "table " + Identifiers.display(table));
            }
        }
    }

    static void refuseColumn(ChangeContext ctx, String table, String column, YamlNode.Position at, String doing) {
        for (LiveSchema.Projection p : ctx.shape().projections()) {
            if (reads(p).anyMatch(r -> r.table().equals(table) && r.column(column))) {
                refuse(ctx, p, at, doing, "column " + column + " of " + Identifiers.display(table));
            }
        }
    }

    private static void refuse(
            ChangeContext ctx, LiveSchema.Projection p, YamlNode.Position at, String doing, String what) {
        String kind = p.kind().equals(ProjectionCatalog.PROJECTION) ? "cached column" : p.kind();
        ctx.findings()
                .error(
                        "change-projection-in-use",
                        at,
                        doing + " would break " + kind + " " + p.name() + ", which reads " + what + " by name",
                        "drop it first with drop_projection: {name: " + p.name() + "} earlier in this file, and"
                                + " create it again over the new shape if it is still needed");
    }

    private static Stream<Reads> reads(LiveSchema.Projection p) {
        return switch (p.kind()) {
            case ProjectionCatalog.COUNTER -> {
                CounterDefinition d = CounterDefinition.fromJson(p.definition());
                List<String> columns = Stream.concat(d.groupBy().stream(), Stream.ofNullable(d.sum()))
                        .toList();
                yield Stream.of(new Reads(d.table(), columns, d.where()));
            }
            case ProjectionCatalog.PROJECTION -> {
                CachedColumnDefinition d = CachedColumnDefinition.fromJson(p.definition());
                yield Stream.of(
                        new Reads(d.table(), List.of(d.column(), d.key(), d.keyOf()), null),
                        new Reads(d.fromTable(), List.of(d.fromColumn(), d.fromKey()), null));
            }
            case ProjectionCatalog.SUMMARY -> summaryReads(SummaryDefinition.fromJson(p.definition()));
            default -> Stream.empty();
        };
    }

    /** A summary's table when its query names it in the summary's schema, with every name of its query. */
    private static Stream<Reads> summaryReads(SummaryDefinition d) {
        try {
            SummaryQuery q = SummaryQuery.parse(d.query(), d.incrementalBy());
            if (q.schema() != null && !q.schema().equals(d.schema())) {
                return Stream.empty();
            }
            return Stream.of(new Reads(q.table(), List.of(d.incrementalBy()), d.query()));
        } catch (SummaryQuery.Refused e) {
            return Stream.empty();
        }
    }
}
