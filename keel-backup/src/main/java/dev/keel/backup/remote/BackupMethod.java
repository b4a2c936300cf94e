package dev.keel.backup.remote;

import dev.keel.backup.BackupError;
import dev.keel.backup.base.DatabaseOpener;
import dev.keel.backup.base.LocalDataDirectory;
import dev.keel.error.KeelException;
import dev.keel.sql.SqlResources;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How keel backup gets the files. LOCAL copies the data directory beside the server (no
 * replication connection, no pg_hba.conf line, the embedded default's way); STREAM receives them
 * through BASE_BACKUP over a replication connection, from anywhere. AUTO takes LOCAL when the
 * server's data directory is on this machine and readable, STREAM otherwise.
 */
public enum BackupMethod {
    AUTO,
    LOCAL,
    STREAM;

    public static BackupMethod parse(String text) {
        for (BackupMethod method : values()) {
            if (method.name().equalsIgnoreCase(text.strip())) {
                return method;
            }
        }
        throw new KeelException(
                BackupError.OPTION_INVALID,
                "backup method '" + text + "' is not one of auto, local, stream",
                "use --method auto, local or stream");
    }

    /** LOCAL or STREAM: AUTO decided by looking for the server's data directory here. */
    public BackupMethod resolve(DatabaseOpener opener) {
        if (this != AUTO) {
            return this;
        }
        try (Connection c = opener.open(null)) {
            return resolve(c);
        } catch (SQLException e) {
            return STREAM;
        }
    }

    /** As {@link #resolve(DatabaseOpener)}, on a connection the caller keeps (and goes on using). */
    public BackupMethod resolve(Connection connection) {
        if (this != AUTO) {
            return this;
        }
        return dataDirectoryIsLocal(connection) ? LOCAL : STREAM;
    }

    private static boolean dataDirectoryIsLocal(Connection c) {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(BackupMethod.class, "local-probe.sql"))) {
            rs.next();
            String systemIdentifier = rs.getString("system_identifier");
            return LocalDataDirectory.systemIdentifier(Path.of(rs.getString("data_directory")))
                    .map(systemIdentifier::equals)
                    .orElse(false);
        } catch (SQLException e) {
            return false;
        }
    }
}
