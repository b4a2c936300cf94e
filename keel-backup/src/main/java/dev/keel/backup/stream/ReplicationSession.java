package dev.keel.backup.stream;

import dev.keel.backup.wal.WalPosition;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/** One walsender connection (replication=database): replication commands and the SQL around them. */
public final class ReplicationSession implements AutoCloseable {
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");

    private final Connection connection;

    public ReplicationSession(Connection connection) {
        this.connection = connection;
    }

    public static boolean isValidSlotName(String name) {
        return name != null && SLOT_NAME.matcher(name).matches();
    }

    public ServerIdentity identify() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("IDENTIFY_SYSTEM")) {
            if (!rs.next()) {
                throw new SQLException("IDENTIFY_SYSTEM returned no row", "08P01");
            }
            return new ServerIdentity(rs.getString("systemid"), rs.getInt("timeline"), WalPosition.lsn(rs.getString("xlogpos")));
        }
    }

    /** The content of the timeline's history file, which only timelines after the first have. */
    public String timelineHistory(int timeline) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("TIMELINE_HISTORY " + timeline)) {
            if (!rs.next()) {
                throw new SQLException("TIMELINE_HISTORY " + timeline + " returned no row", "08P01");
            }
            return new String(rs.getBytes("content"), StandardCharsets.UTF_8);
        }
    }

    public long walSegmentSize() throws SQLException {
        return Long.parseLong(setting("select setting from pg_settings where name = 'wal_segment_size'"));
    }

    public String synchronousStandbyNames() throws SQLException {
        return setting("select current_setting('synchronous_standby_names')");
    }

    public String synchronousCommit() throws SQLException {
        return setting("select current_setting('synchronous_commit')");
    }

    /** The slot, created (reserving WAL from now on) when it does not exist yet. */
    public SlotState slot(String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select slot_type, restart_lsn::text, coalesce(active_pid, 0) from pg_replication_slots where slot_name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    if (!"physical".equals(rs.getString(1))) {
                        throw new SQLException("replication slot " + name + " is a " + rs.getString(1) + " slot", "42710");
                    }
                    String restart = rs.getString(2);
                    return new SlotState(name, restart == null ? OptionalLong.empty() : OptionalLong.of(WalPosition.lsn(restart)), rs.getInt(3), false);
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement("select lsn::text from pg_create_physical_replication_slot(?, true)")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                String restart = rs.getString(1);
                return new SlotState(name, restart == null ? OptionalLong.empty() : OptionalLong.of(WalPosition.lsn(restart)), 0, true);
            }
        }
    }

    /** Starts streaming {@code timeline} from {@code lsn}; the server ends the copy where an older timeline ends. */
    public PhysicalStream start(String slot, long lsn, int timeline) throws SQLException {
        if (!isValidSlotName(slot)) {
            throw new IllegalArgumentException("invalid slot name " + slot);
        }
        String command = String.format(Locale.ROOT, "START_REPLICATION SLOT %s PHYSICAL %X/%X TIMELINE %d", slot, lsn >>> 32, lsn & 0xFFFF_FFFFL, timeline);
        return new PhysicalStream(connection.unwrap(PGConnection.class).getCopyAPI().copyDual(command));
    }

    /** Closes the socket at once: the way to stop a thread blocked reading the stream. */
    public void abort() {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // the connection is going away either way
        }
    }

    @Override
    public void close() {
        try {
            // A walsender in COPY mode answers a clean close only after the copy ends; dropping the socket is what pg_receivewal does too.
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // nothing left to release
        }
    }

    private String setting(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
