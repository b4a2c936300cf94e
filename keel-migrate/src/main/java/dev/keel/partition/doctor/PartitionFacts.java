package dev.keel.partition.doctor;

import static dev.keel.sql.Identifiers.qualified;
import static dev.keel.sql.Identifiers.quote;

import dev.keel.partition.PartitionCatalog;
import dev.keel.partition.PartitionPlan;
import dev.keel.partition.PartitionPlanner;
import dev.keel.partition.PartitionSet;
import dev.keel.partition.PartitionSets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the doctor's partition checks read of each declared set, read-only: the catalog in one query, then per set the
 * rows of its default partition (counted up to {@link #COUNT_CAP}) and the plan maintenance would follow now.
 */
record PartitionFacts(PartitionSet set, PartitionCatalog.Parent parent, long defaultRows, PartitionPlan plan) {
    /** Counting stops here: the finding needs an order of magnitude, not a full scan of a large default partition. */
    static final long COUNT_CAP = 1_000_000;

    static List<PartitionFacts> read(Connection c, String keelSchema, Clock clock) throws SQLException {
        List<PartitionSet> sets = new PartitionSets(keelSchema).all(c);
        if (sets.isEmpty()) {
            return List.of();
        }
        Map<String, PartitionCatalog.Parent> parents = PartitionCatalog.read(c, sets);
        PartitionSets registry = new PartitionSets(keelSchema);
        long now = clock.instant().getEpochSecond();
        List<PartitionFacts> out = new ArrayList<>();
        for (PartitionSet set : sets) {
            PartitionCatalog.Parent parent = parents.get(set.qualifiedName());
            if (!parent.exists()) {
                continue;
            }
            PartitionCatalog.Partition def = parent.defaultPartition();
            long rows = def == null ? 0 : count(c, qualified(set.schema(), def.name()));
            Long maxKey = set.range() && !set.keyType().time() ? max(c, set) : null;
            PartitionPlan plan = PartitionPlanner.plan(
                    set, new PartitionPlanner.Facts(parent, now, maxKey, Set.of(), registry.detached(c, set)));
            out.add(new PartitionFacts(set, parent, rows, plan));
        }
        return out;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM (SELECT 1 FROM ONLY " + table + " LIMIT " + COUNT_CAP + ") AS r")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Long max(Connection c, PartitionSet set) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(" + quote(set.keyColumn()) + ")::bigint FROM "
                        + qualified(set.schema(), set.parent()))) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? null : max;
        }
    }
}
