package dev.keel.backup.stream;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a server for {@code keel wal stream}: checks the role and the settings streaming needs,
 * creates the replication slot, and, when asked, makes keel a synchronous standby or takes it out
 * of that role again.
 */
public final class WalSetup {

    /** What to do with synchronous_standby_names; LEAVE changes nothing there. */
    public enum Mode {
        LEAVE,
        SYNCHRONOUS,
        ASYNCHRONOUS
    }

    /**
     * @param synchronous whether the server now waits for keel before it acknowledges a commit
     * @param notes things the user should know about the server's settings
     */
    public record Result(
            String slot,
            boolean slotCreated,
            String synchronousStandbyNamesBefore,
            String synchronousStandbyNames,
            boolean synchronous,
            boolean changed,
            List<String> notes) {}

    private final Connection connection;
    private final String server;

    public WalSetup(Connection connection, String server) {
        this.connection = connection;
        this.server = server;
    }

    public Result apply(String slot, String applicationName, Mode mode) {
        if (!ReplicationSession.isValidSlotName(slot)) {
            throw new KeelException(
                    BackupError.SLOT_INVALID,
                    "'" + slot + "' is not a valid replication slot name",
                    "use lower-case letters, digits and underscores");
        }
        try {
            List<String> notes = new ArrayList<>();
            requireReplicationRole();
            requireSettings(notes);
            boolean created = createSlot(slot);
            String before = setting("synchronous_standby_names");
            String after = before;
            boolean listed = SynchronousStandbyNames.lists(before, applicationName);
            if (mode == Mode.SYNCHRONOUS && !listed) {
                if (!before.isBlank()) {
                    throw new KeelException(
                            BackupError.SYNCHRONOUS_SETUP,
                            "synchronous_standby_names on " + server + " is already '" + before
                                    + "'; keel does not rewrite another setup",
                            "add " + applicationName
                                    + " to it yourself, e.g. ALTER SYSTEM SET synchronous_standby_names = 'ANY 1 ("
                                    + before + ", " + applicationName + ")'; SELECT pg_reload_conf();");
                }
                after = applicationName;
                alterSystem(after);
            } else if (mode == Mode.ASYNCHRONOUS && listed) {
                if (!SynchronousStandbyNames.listsOnly(before, applicationName)) {
                    throw new KeelException(
                            BackupError.SYNCHRONOUS_SETUP,
                            "synchronous_standby_names on " + server + " is '" + before
                                    + "', which lists keel among others",
                            "remove " + applicationName
                                    + " from it yourself with ALTER SYSTEM SET synchronous_standby_names and SELECT pg_reload_conf()");
                }
                after = "";
                alterSystem(after);
            }
            String commit = setting("synchronous_commit");
            boolean synchronous = SynchronousStandbyNames.lists(after, applicationName);
            if (synchronous && (commit.equals("off") || commit.equals("local"))) {
                notes.add("synchronous_commit is " + commit
                        + ": commits still do not wait for keel; set it to on for RPO 0");
            }
            if (setting("max_slot_wal_keep_size").equals("-1")) {
                notes.add("while keel wal stream is down, slot " + slot
                        + " keeps all WAL on the server; max_slot_wal_keep_size bounds that "
                        + "(past the bound the slot is lost and the WAL chain breaks, instead of the disk filling up)");
            }
            return new Result(slot, created, before, after, synchronous, !after.equals(before), notes);
        } catch (SQLException e) {
            throw new KeelException(
                    BackupError.SERVER_COMMAND_FAILED,
                    "keel wal setup on " + server + " failed: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    "check the server's log",
                    e);
        }
    }

    private void requireReplicationRole() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "select rolsuper or rolreplication, current_user from pg_roles where rolname = current_user")) {
            if (rs.next() && !rs.getBoolean(1)) {
                throw new KeelException(
                        BackupError.STREAMING_NOT_ENABLED,
                        "role " + rs.getString(2) + " on " + server + " may not stream WAL",
                        "run as a superuser: ALTER ROLE " + rs.getString(2)
                                + " REPLICATION; and allow it in pg_hba.conf on a 'replication' line");
            }
        }
    }

    private void requireSettings(List<String> notes) throws SQLException {
        if (setting("wal_level").equals("minimal")) {
            throw new KeelException(
                    BackupError.STREAMING_NOT_ENABLED,
                    "wal_level on " + server + " is minimal, which cannot be streamed",
                    "set wal_level = replica in postgresql.conf and restart the server");
        }
        if (Integer.parseInt(setting("max_wal_senders")) < 1
                || Integer.parseInt(setting("max_replication_slots")) < 1) {
            throw new KeelException(
                    BackupError.STREAMING_NOT_ENABLED,
                    "max_wal_senders or max_replication_slots on " + server + " is 0",
                    "set both to at least 2 in postgresql.conf and restart the server");
        }
        if (setting("archive_mode").equals("off")) {
            notes.add(
                    "archive_mode is off: keel wal stream is then the only way WAL reaches the repository, so keep it running");
        }
    }

    private boolean createSlot(String slot) throws SQLException {
        try (PreparedStatement s =
                connection.prepareStatement("select slot_type from pg_replication_slots where slot_name = ?")) {
            s.setString(1, slot);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    if (!rs.getString(1).equals("physical")) {
                        throw new KeelException(
                                BackupError.SLOT_INVALID,
                                "replication slot " + slot + " on " + server + " is a " + rs.getString(1) + " slot",
                                "choose another name with --slot");
                    }
                    return false;
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement("select pg_create_physical_replication_slot(?, true)")) {
            s.setString(1, slot);
            s.execute();
        }
        return true;
    }

    private void alterSystem(String value) throws SQLException {
        String sql = "ALTER SYSTEM SET synchronous_standby_names = '" + value.replace("'", "''") + "'";
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new KeelException(
                        BackupError.SYNCHRONOUS_SETUP,
                        "only a superuser may change synchronous_standby_names on " + server,
                        "run as a superuser: " + sql + "; SELECT pg_reload_conf();");
            }
            throw e;
        }
    }

    private String setting(String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select current_setting(?)")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
