package dev.keel.check;

import dev.keel.check.rules.ChangingColumnType;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the target database knows and the files do not: the current type of each column. With it,
 * widening a varchar is seen to be free instead of "may rewrite".
 */
public final class CatalogFacts {

    private CatalogFacts() {
    }

    public static CheckState load(Connection c) throws SQLException {
        CheckState state = new CheckState();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlResources.load(CatalogFacts.class, "catalog-column-types.sql"))) {
            while (rs.next()) {
                state.remember(ChangingColumnType.COLUMN_TYPE, rs.getString(1) + "." + rs.getString(2) + "=" + rs.getString(3));
            }
        }
        return state;
    }
}
