package dev.keel.partition;

import dev.keel.projection.CounterDefinition;
import dev.keel.projection.CounterSql;
import dev.keel.projection.ProjectionCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The counters of one partitioned table, kept right where maintenance moves rows past their triggers: a detached
 * partition's rows leave the table without a delete, and rows moved out of the default partition enter their new
 * partition before it is attached, so without an insert (their delete from the default partition was counted).
 */
final class PartitionCounters {
    private final List<CounterSql> counters;

    private PartitionCounters(List<CounterSql> counters) {
        this.counters = counters;
    }

    static PartitionCounters of(Connection c, String stateSchema, PartitionSet set) throws SQLException {
        List<CounterSql> counters = new ProjectionCatalog(stateSchema)
                .list(c, ProjectionCatalog.COUNTER).stream()
                        .map(ProjectionCatalog.Entry::counter)
                        .filter(d -> onParent(d, set))
                        .map(CounterSql::new)
                        .toList();
        return new PartitionCounters(counters);
    }

    private static boolean onParent(CounterDefinition d, PartitionSet set) {
        return d.schema().equals(set.schema()) && d.table().equals(set.parent());
    }

    boolean any() {
        return !counters.isEmpty();
    }

    /** The statements that count {@code relation}'s rows in (entering) or out (leaving) of every counter. */
    List<String> deltasOf(String relation, boolean leaving) {
        return counters.stream().map(c -> c.deltasOf(relation, leaving)).toList();
    }
}
