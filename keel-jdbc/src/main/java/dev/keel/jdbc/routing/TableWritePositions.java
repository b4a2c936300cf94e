package dev.keel.jdbc.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Write positions in a table on the primary, shared by every application instance that names the same
 * table: a user who writes through one instance and reads through another still reads the write.
 * Creates the table (and its schema) when missing.
 *
 * <p>The table is UNLOGGED: recording a position then costs no WAL flush, and the table is not
 * replicated (only the primary reads it). A crash of the primary empties it; reads right after such a
 * crash may be stale until the replicas catch up. Each read asks the table once (an index lookup on
 * the primary). Give it a DataSource with a connection to spare: the router records a position after
 * it has released the writer's connection, so it never holds two at once, but concurrent readers do
 * take one each.
 */
public final class TableWritePositions implements WritePositions {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
    // Keys are stored behind a prefix so the floor's row can never collide with an application's key.
    private static final String KEY_PREFIX = "k:";
    private static final String FLOOR = "floor";

    private final DataSource primary;
    private final String table;
    private final String upsert;
    private final String select;
    private final String delete;

    public TableWritePositions(DataSource primary, String qualifiedTableName) {
        this.primary = primary;
        this.table = quoteQualified(qualifiedTableName);
        this.upsert = "INSERT INTO " + table + " AS t (key, lsn) VALUES (?, ?) ON CONFLICT (key)"
                + " DO UPDATE SET lsn = excluded.lsn, written_at = now() WHERE t.lsn < excluded.lsn";
        this.select = "SELECT max(lsn) FROM " + table + " WHERE key IN (?, '" + FLOOR + "')";
        this.delete = "DELETE FROM " + table + " WHERE key <> '" + FLOOR + "' AND lsn <= ?";
        createTable(qualifiedTableName);
    }

    @Override
    public void recordWrite(String key, long lsn) {
        upsert(KEY_PREFIX + key, lsn);
    }

    @Override
    public OptionalLong lastWrite(String key) {
        try (Connection c = primary.getConnection();
                PreparedStatement ps = c.prepareStatement(select)) {
            ps.setString(1, KEY_PREFIX + key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long lsn = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(lsn);
            }
        } catch (SQLException e) {
            throw new PositionsUnavailableException("cannot read write positions from " + table, e);
        }
    }

    @Override
    public void forgetUpTo(long lsn) {
        upsert(FLOOR, lsn);
        try (Connection c = primary.getConnection();
                PreparedStatement ps = c.prepareStatement(delete)) {
            ps.setLong(1, lsn);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new PositionsUnavailableException("cannot prune write positions in " + table, e);
        }
    }

    private void upsert(String key, long lsn) {
        try (Connection c = primary.getConnection();
                PreparedStatement ps = c.prepareStatement(upsert)) {
            ps.setString(1, key);
            ps.setLong(2, lsn);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new PositionsUnavailableException("cannot record a write position in " + table, e);
        }
    }

    private void createTable(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        try (Connection c = primary.getConnection();
                Statement s = c.createStatement()) {
            if (dot > 0) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + quote(qualifiedName.substring(0, dot)));
            }
            s.execute("CREATE UNLOGGED TABLE IF NOT EXISTS " + table
                    + " (key text PRIMARY KEY, lsn bigint NOT NULL, written_at timestamptz NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw new PositionsUnavailableException("cannot create the write positions table " + table, e);
        }
    }

    static String quoteQualified(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2 || name.isBlank()) {
            throw new IllegalArgumentException("a table name is [schema.]table, got " + name);
        }
        return parts.length == 1 ? quote(parts[0]) : quote(parts[0]) + "." + quote(parts[1]);
    }

    private static String quote(String identifier) {
        if (identifier.isEmpty()) {
            throw new IllegalArgumentException("empty identifier in a table name");
        }
        return PLAIN.matcher(identifier).matches() ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
