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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.postgresql.core.BaseStatement;
import org.postgresql.core.QueryExecutor;

/**
 * Exact row counts of every permanent user table in every database that accepts connections, keyed
 * "database.schema.table". Taken right after pg_backup_stop, they are what a restore to the end of
 * the backup holds when nothing was written meanwhile; drills compare against them.
 */
public final class TableRowCounts {
    /**
     * Tables counted by one statement: a round trip per table made the counts of 3,000 small tables take 0.6 s
     * of a 2.5 s backup.
     */
    static final int TABLES_PER_QUERY = 50;
    /**
     * Above this many tables in a database a second session counts half of them in the first one's exported
     * snapshot: the backup waits for the counts, and the server has more than one core to count with.
     */
    static final int SHARED_ABOVE = 400;

    private TableRowCounts() {}

    /** One row (its index in {@code chunk}, its row count) per table of the chunk. */
    static String countQuery(List<String[]> chunk) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < chunk.size(); i++) {
            if (i > 0) {
                sql.append("\nunion all ");
            }
            sql.append("select ")
                    .append(i)
                    .append(", count(*) from ")
                    .append(Identifiers.qualified(chunk.get(i)[0], chunk.get(i)[1]));
        }
        return sql.toString();
    }

    public static Map<String, Long> count(DatabaseOpener opener) {
        Map<String, Long> counts = new TreeMap<>();
        for (String database : databases(opener)) {
            try (Connection c = opener.open(database)) {
                c.setAutoCommit(false);
                // One snapshot for all tables of a database, so the counts belong to one moment.
                try (Statement s = c.createStatement()) {
                    s.execute("set transaction isolation level repeatable read, read only");
                }
                List<String[]> tables = tables(c);
                if (tables.size() > SHARED_ABOVE) {
                    String snapshot = exportSnapshot(c);
                    int half = tables.size() / 2;
                    List<String[]> theirs = tables.subList(half, tables.size());
                    CompletableFuture<Map<String, Long>> other =
                            CompletableFuture.supplyAsync(() -> countInSnapshot(opener, database, snapshot, theirs));
                    counts.putAll(countChunks(c, database, tables.subList(0, half)));
                    counts.putAll(joined(other));
                } else {
                    counts.putAll(countChunks(c, database, tables));
                }
                c.rollback();
            } catch (SQLException e) {
                throw failed(database, e);
            }
        }
        return counts;
    }

    private static Map<String, Long> countChunks(Connection c, String database, List<String[]> tables)
            throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (int from = 0; from < tables.size(); from += TABLES_PER_QUERY) {
            List<String[]> chunk = tables.subList(from, Math.min(tables.size(), from + TABLES_PER_QUERY));
            try (Statement s = c.createStatement();
                    ResultSet rs = simpleQuery(s, countQuery(chunk))) {
                while (rs.next()) {
                    String[] table = chunk.get(rs.getInt(1));
                    counts.put(database + "." + table[0] + "." + table[1], rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /**
     * Through the simple query protocol where the driver is pgjdbc: counting 3,000 small tables took 280-340 ms
     * with the extended protocol and 160-210 ms with the simple one, on the same server and snapshot.
     */
    static ResultSet simpleQuery(Statement s, String sql) throws SQLException {
        if (s.isWrapperFor(BaseStatement.class)) {
            s.unwrap(BaseStatement.class).executeWithFlags(sql, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
            return s.getResultSet();
        }
        return s.executeQuery(sql);
    }

    private static String exportSnapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_export_snapshot()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, Long> countInSnapshot(
            DatabaseOpener opener, String database, String snapshot, List<String[]> tables) {
        try (Connection c = opener.open(database)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
                s.execute("set transaction snapshot " + Identifiers.literal(snapshot));
            }
            Map<String, Long> counts = countChunks(c, database, tables);
            c.rollback();
            return counts;
        } catch (SQLException e) {
            throw failed(database, e);
        }
    }

    private static KeelException failed(String database, SQLException e) {
        return new KeelException(
                BackupError.SERVER_COMMAND_FAILED,
                "cannot count the rows of database " + Identifiers.display(database) + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                "back up as a role that can read every table",
                e);
    }

    private static Map<String, Long> joined(CompletableFuture<Map<String, Long>> other) {
        try {
            return other.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
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
