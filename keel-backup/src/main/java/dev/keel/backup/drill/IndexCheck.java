package dev.keel.backup.drill;

import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every btree index of the restored database with amcheck's bt_index_check. Creating the
 * extension is harmless here: the scratch cluster is thrown away after the drill.
 */
public final class IndexCheck {
    private IndexCheck() {}

    public static IndexCheckResult run(Connection restored, String database) {
        try (Statement s = restored.createStatement()) {
            s.execute("create extension if not exists amcheck");
        } catch (SQLException e) {
            return new IndexCheckResult(
                    0,
                    List.of(),
                    "amcheck is not available: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Statement s = restored.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(IndexCheck.class, "btree-indexes.sql"));
                PreparedStatement check = restored.prepareStatement("select bt_index_check(?::oid)")) {
            List<Object[]> indexes = new ArrayList<>();
            while (rs.next()) {
                indexes.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
            }
            for (Object[] index : indexes) {
                check.setLong(1, (Long) index[0]);
                try {
                    check.execute();
                    checked++;
                } catch (SQLException e) {
                    failures.add("index " + database + "." + Identifiers.qualified((String) index[1], (String) index[2])
                            + ": "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                }
            }
        } catch (SQLException e) {
            failures.add("cannot list the indexes of " + database + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return new IndexCheckResult(checked, failures, null);
    }
}
