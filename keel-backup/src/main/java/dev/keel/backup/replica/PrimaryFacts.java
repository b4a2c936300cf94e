package dev.keel.backup.replica;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The primary as a standby needs it: not itself in recovery, a role that may replicate, WAL for replicas and room for
 * a WAL sender and a slot. Read on an ordinary connection, so every refusal comes before anything is created.
 *
 * @param systemIdentifier null when the role may not read pg_control_system()
 */
record PrimaryFacts(int majorVersion, String version, String role, String systemIdentifier) {

    static PrimaryFacts read(Connection c, String server, boolean slot) throws SQLException {
        PrimaryFacts facts;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(PrimaryFacts.class, "primary-facts.sql"))) {
            rs.next();
            String role = rs.getString("role");
            if (rs.getBoolean("in_recovery")) {
                throw new KeelException(
                        BackupError.SERVER_UNSUPPORTED,
                        server + " is itself a standby; keel replica create makes standbys of a primary",
                        "point --url at the primary");
            }
            if (!rs.getBoolean("may_replicate")) {
                throw new KeelException(
                        BackupError.REPLICATION_REFUSED,
                        "role " + Identifiers.display(role) + " on " + server
                                + " lacks the REPLICATION attribute, so no standby can stream as it",
                        "run ALTER ROLE " + Identifiers.display(role)
                                + " WITH REPLICATION as a superuser (and allow it on a 'replication' line of pg_hba.conf)");
            }
            if (rs.getString("wal_level").equals("minimal")) {
                throw new KeelException(
                        BackupError.STREAMING_NOT_ENABLED,
                        "wal_level on " + server + " is minimal, which a standby cannot follow",
                        "set wal_level = replica in postgresql.conf and restart the server");
            }
            if (rs.getInt("max_wal_senders") < 1 || (slot && rs.getInt("max_replication_slots") < 1)) {
                throw new KeelException(
                        BackupError.STREAMING_NOT_ENABLED,
                        "max_wal_senders or max_replication_slots on " + server + " is 0",
                        "set both to at least 2 in postgresql.conf and restart the server");
            }
            facts = new PrimaryFacts(rs.getInt("version_num") / 10_000, rs.getString("version"), role, null);
        }
        return new PrimaryFacts(facts.majorVersion(), facts.version(), facts.role(), systemIdentifier(c));
    }

    private static String systemIdentifier(Connection c) {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select system_identifier::text from pg_control_system()")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            // a role without EXECUTE on it: the backup's cluster is then checked by PostgreSQL itself at start
            return null;
        }
    }
}
