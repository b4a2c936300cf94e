package dev.keel.projection;

import dev.keel.connect.ConnectionSource;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The verbs of keel projections on one database: list, compact and verify the counters keel.projections holds, each
 * returning the record its output is made of.
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

    public record VerifyResult(String database, List<CounterVerify.Result> counters) {

        /** Whether a counter differs from its table and was not repaired. */
        public boolean unrepairedDrift() {
            return counters.stream().anyMatch(r -> r.drift() && !r.repaired());
        }
    }

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
            List<CounterVerify.Result> out = new ArrayList<>();
            for (ProjectionCatalog.Entry entry : counters(c, name)) {
                out.add(verify.verify(c, entry, sample, repair));
            }
            return new VerifyResult(source.describe(), out);
        });
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
                    doing + " the counters of " + source.describe() + " failed: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    "check that the role may use keel.projections and the counters' stripes tables; -v shows the"
                            + " cause",
                    e);
        }
    }
}
