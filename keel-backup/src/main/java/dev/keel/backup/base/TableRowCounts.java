package dev.keel.backup.base;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact row counts of every permanent user table in every database that accepts connections, keyed
 * "database.schema.table". Taken right after pg_backup_stop, they are what a restore to the end of
 * the backup holds when nothing was written meanwhile; drills compare against them.
 */
public final class TableRowCounts {
    private TableRowCounts() {}

    public static Map<String, Long> count(DatabaseOpener opener) {
        Map<String, Long> counts = new TreeMap<>();
        for (String database : databases(opener)) {
            try (Connection c = opener.open(database)) {
                c.setAutoCommit(false);
                // One snapshot for all tables of a database, so the counts belong to one moment.
                try (Statement s = c.createStatement()) {
                    s.execute("set transaction isolation level repeatable read, read only");
                }
                for (String[] table : tables(c)) {
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery(
                                    "select count(*) from " + Identifiers.qualified(table[0], table[1]))) {
                        rs.next();
                        counts.put(database + "." + table[0] + "." + table[1], rs.getLong(1));
                    }
                }
                c.rollback();
            } catch (SQLException e) {
                throw new KeelException(
                        BackupError.SERVER_COMMAND_FAILED,
                        "cannot count the rows of database " + Identifiers.display(database) + ": "
                                + String.valueOf(e.getMessage())
                                        .lines()
                                        .findFirst()
                                        .orElse(""),
                        "back up as a role that can read every table",
                        e);
            }
        }
        return counts;
    }

    private static List<String> databases(DatabaseOpener opener) {
        List<String> names = new ArrayList<>();
        try (Connection c = opener.open(null);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(TableRowCounts.class, "databases.sql"))) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new KeelException(
                    BackupError.SERVER_COMMAND_FAILED,
                    "cannot list the databases: " + e.getMessage(),
                    "back up as a role that can read pg_database",
                    e);
        }
        return names;
    }

    private static List<String[]> tables(Connection c) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(TableRowCounts.class, "user-tables.sql"))) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return tables;
    }
}
