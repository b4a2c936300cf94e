package dev.keel.projection;

import dev.keel.connect.ConnectionSource;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The verbs of keel projections on one database: list what keel.projections holds, compact the counters, verify the
 * counters and cached columns, refresh the summaries and materialized views; each returns the record its output is
 * made of.
 */
public final class Projections {
    private final ConnectionSource source;
    private final ProjectionCatalog catalog;

    public Projections(ConnectionSource source, String stateSchema) {
        this.source = source;
        this.catalog = new ProjectionCatalog(stateSchema);
    }

    public record ListResult(String database, List<ProjectionCatalog.Entry> projections) {}

    public record CompactResult(String database, List<CounterCompaction.Result> counters) {

        public long deltasFolded() {
            return counters.stream()
                    .mapToLong(CounterCompaction.Result::deltasFolded)
                    .sum();
        }
    }

    /** @param columns the cached columns (create_projection) verified */
    public record VerifyResult(
            String database, List<CounterVerify.Result> counters, List<CachedColumnVerify.Result> columns) {

        /** Whether a counter or a cached column differs from its table and was not repaired. */
        public boolean unrepairedDrift() {
            return counters.stream().anyMatch(r -> r.drift() && !r.repaired())
                    || columns.stream().anyMatch(r -> r.drift() && !r.repaired());
        }
    }

    public record RefreshResult(String database, List<ProjectionRefresh.Result> refreshed) {}

    public ListResult list() {
        return with("reading", c -> new ListResult(source.describe(), catalog.list(c, null)));
    }

    /** Compacts the counter named (schema.name or name), or every counter when {@code name} is null. */
    public CompactResult compact(String name) {
        return with("compacting", c -> {
            CounterCompaction compaction = new CounterCompaction(catalog);
            List<CounterCompaction.Result> out = new ArrayList<>();
            for (ProjectionCatalog.Entry entry : counters(c, name)) {
                out.add(compaction.compact(c, entry));
            }
            return new CompactResult(source.describe(), out);
        });
    }

    /**
     * @param sample groups compared per counter, or null for all
     * @param repair add each difference found, in the statement that found it
     */
    public VerifyResult verify(String name, Integer sample, boolean repair) {
        if (sample != null && sample < 1) {
            throw new KeelException(
                    CoreError.COMMAND_LINE,
                    "--sample must be at least 1, not " + sample,
                    "give the number of groups to compare, or leave --sample out to compare all");
        }
        return with("verifying", c -> {
            CounterVerify verify = new CounterVerify(catalog);
            CachedColumnVerify columns = new CachedColumnVerify(catalog);
            List<CounterVerify.Result> counted = new ArrayList<>();
            List<CachedColumnVerify.Result> copied = new ArrayList<>();
            for (ProjectionCatalog.Entry entry :
                    named(c, name, List.of(ProjectionCatalog.COUNTER, ProjectionCatalog.PROJECTION))) {
                if (ProjectionCatalog.COUNTER.equals(entry.kind())) {
                    counted.add(verify.verify(c, entry, sample, repair));
                } else {
                    copied.add(columns.verify(c, entry, sample, repair));
                }
            }
            return new VerifyResult(source.describe(), counted, copied);
        });
    }

    /**
     * Refreshes the summary or materialized view named, or every one of them; with {@code dueOnly}, only those whose
     * interval has passed (what the agent's job does every minute).
     */
    public RefreshResult refresh(String name, boolean dueOnly) {
        return with("refreshing", c -> {
            ProjectionRefresh refresh = new ProjectionRefresh(catalog);
            OffsetDateTime now = now(c);
            List<ProjectionRefresh.Result> out = new ArrayList<>();
            for (ProjectionCatalog.Entry entry :
                    named(c, name, List.of(ProjectionCatalog.SUMMARY, ProjectionCatalog.MATERIALIZED_VIEW))) {
                if (!dueOnly || ProjectionRefresh.due(entry, now)) {
                    out.add(refresh.refresh(c, entry));
                }
            }
            return new RefreshResult(source.describe(), out);
        });
    }

    private static OffsetDateTime now(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT now()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    /** The entries of {@code kinds}: the one named (name or schema.name), or all of them when null. */
    private List<ProjectionCatalog.Entry> named(Connection c, String name, List<String> kinds) throws SQLException {
        List<ProjectionCatalog.Entry> all = catalog.list(c, null).stream()
                .filter(e -> kinds.contains(e.kind()))
                .toList();
        if (name == null) {
            return all;
        }
        List<ProjectionCatalog.Entry> named = all.stream()
                .filter(e -> e.qualifiedName().equals(name) || e.name().equals(name))
                .toList();
        if (named.size() == 1) {
            return named;
        }
        String what =
                String.join(" or ", kinds.stream().map(k -> k.replace('_', ' ')).toList());
        throw new KeelException(
                MigrateError.PROJECTION_UNKNOWN,
                named.isEmpty()
                        ? "no " + what + " named " + name + " in " + source.describe()
                        : "several named " + name + " exist in " + source.describe(),
                named.isEmpty()
                        ? "keel projections list shows what keel keeps and the kind of each"
                        : "name it with its schema, e.g. " + named.get(0).qualifiedName());
    }

    private List<ProjectionCatalog.Entry> counters(Connection c, String name) throws SQLException {
        List<ProjectionCatalog.Entry> all = catalog.list(c, ProjectionCatalog.COUNTER);
        if (name == null) {
            return all;
        }
        List<ProjectionCatalog.Entry> named = all.stream()
                .filter(e -> e.qualifiedName().equals(name) || e.name().equals(name))
                .toList();
        if (named.size() == 1) {
            return named;
        }
        throw new KeelException(
                MigrateError.PROJECTION_UNKNOWN,
                named.isEmpty()
                        ? "no counter named " + name + " in " + source.describe()
                        : "counters named " + name + " exist in several schemas of " + source.describe(),
                named.isEmpty()
                        ? "keel projections list shows the counters; create_counter in a change file makes one"
                        : "name it with its schema, e.g. " + named.get(0).qualifiedName());
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T with(String doing, Work<T> work) {
        try (Connection c = source.open()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.PROJECTION_FAILED,
                    doing + " the projections of " + source.describe() + " failed: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    "check that the role may use keel.projections and the counters' stripes tables; -v shows the"
                            + " cause",
                    e);
        }
    }
}
