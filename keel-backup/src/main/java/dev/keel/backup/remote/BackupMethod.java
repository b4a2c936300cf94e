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
import java.util.Locale;

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
        return dataDirectoryIsLocal(opener) ? LOCAL : STREAM;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Same proof as the local copy demands: the system identifier in the local pg_control must be
     * the server's. A role that may not read the data directory's location or the identifier is not
     * the postgres user on the server, so the answer is no.
     */
    private static boolean dataDirectoryIsLocal(DatabaseOpener opener) {
        try (Connection c = opener.open(null);
                Statement s = c.createStatement();
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
