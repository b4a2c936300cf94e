package dev.keel.backup.drill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the user's invariant queries (backup.drill.invariants) on the restored cluster. A query holds
 * when it returns true, or a single row whose first column is true; anything else, an error included,
 * breaks it.
 */
public final class Invariants {
    private Invariants() {}

    public static List<InvariantResult> check(Connection restored, List<String> queries) {
        List<InvariantResult> results = new ArrayList<>();
        for (String query : queries) {
            results.add(one(restored, query));
        }
        return results;
    }

    private static InvariantResult one(Connection c, String query) {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                return new InvariantResult(query, false, "returned no row");
            }
            Object value = rs.getObject(1);
            if (rs.next()) {
                return new InvariantResult(query, false, "returned more than one row");
            }
            boolean holds = Boolean.TRUE.equals(value) || "t".equals(value) || "true".equals(value);
            return new InvariantResult(query, holds, holds ? "true" : "returned " + value);
        } catch (SQLException e) {
            return new InvariantResult(
                    query,
                    false,
                    "failed: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
