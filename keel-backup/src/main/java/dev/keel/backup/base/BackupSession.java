package dev.keel.backup.base;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import dev.keel.sql.SqlResources;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The one session a non-exclusive backup lives in: PostgreSQL ends the backup (and drops the
 * temporary slot) when this connection closes, so a killed keel leaves nothing on the server.
 */
final class BackupSession {
    private final Connection connection;

    BackupSession(Connection connection) {
        this.connection = connection;
    }

    ServerFacts facts() {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql("server-facts.sql"))) {
            rs.next();
            return new ServerFacts(
                    rs.getString("server_version"),
                    rs.getInt("version_num"),
                    rs.getString("system_identifier"),
                    rs.getLong("wal_segment_size"),
                    rs.getBoolean("in_recovery"));
        } catch (SQLException e) {
            throw failed(
                    "cannot read the server's version and system identifier",
                    "connect as a superuser or a role with REPLICATION",
                    e);
        }
    }

    /** The server's data directory, or empty when this role may not see it. */
    Optional<Path> dataDirectory() {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql("data-directory.sql"))) {
            rs.next();
            return Optional.of(Path.of(rs.getString(1)));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    void reserveWal(String slotName) {
        try (PreparedStatement s = connection.prepareStatement(sql("reserve-wal.sql"))) {
            s.setString(1, slotName);
            s.executeQuery().close();
        } catch (SQLException e) {
            throw failed(
                    "cannot create a temporary replication slot to hold the backup's WAL: " + firstLine(e),
                    "connect as a role with REPLICATION and make sure max_replication_slots has a free slot",
                    e);
        }
    }

    BackupPoint start(String label) {
        try (PreparedStatement s = connection.prepareStatement(sql("backup-start.sql"))) {
            s.setString(1, label);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new BackupPoint(rs.getString("lsn"), rs.getString("wal_file"), null, null);
            }
        } catch (SQLException e) {
            throw failed(
                    "pg_backup_start failed: " + firstLine(e),
                    "grant EXECUTE on pg_backup_start and pg_backup_stop, or back up as a superuser",
                    e);
        }
    }

    BackupPoint stop() {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql("backup-stop.sql"))) {
            rs.next();
            String map = rs.getString("spcmapfile");
            return new BackupPoint(
                    rs.getString("lsn"), rs.getString("wal_file"), rs.getString("labelfile"), map == null ? "" : map);
        } catch (SQLException e) {
            throw failed(
                    "pg_backup_stop failed: " + firstLine(e), "look at the server log, then run the backup again", e);
        }
    }

    private static String sql(String name) {
        return SqlResources.load(BackupSession.class, name);
    }

    private static String firstLine(SQLException e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    private static KeelException failed(String what, String todo, SQLException e) {
        return new KeelException(BackupError.SERVER_COMMAND_FAILED, what, todo, e);
    }
}
