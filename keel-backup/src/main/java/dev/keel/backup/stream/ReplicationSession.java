package dev.keel.backup.stream;

import dev.keel.backup.remote.WalSenderConnection;
import dev.keel.backup.wal.WalPosition;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** One walsender connection: the replication commands a receiver needs, and the stream they start. */
public final class ReplicationSession implements AutoCloseable {
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");

    private final WalSenderConnection connection;

    public ReplicationSession(WalSenderConnection connection) {
        this.connection = connection;
    }

    public static boolean isValidSlotName(String name) {
        return name != null && SLOT_NAME.matcher(name).matches();
    }

    public ServerIdentity identify() throws SQLException, IOException {
        List<String> row = firstRow("IDENTIFY_SYSTEM");
        return new ServerIdentity(row.get(0), Integer.parseInt(row.get(1)), WalPosition.lsn(row.get(2)));
    }

    /** The content of the timeline's history file, which only timelines after the first have. */
    public String timelineHistory(int timeline) throws SQLException, IOException {
        return firstRow("TIMELINE_HISTORY " + timeline).get(1);
    }

    public long walSegmentSize() throws SQLException, IOException {
        return connection.walSegmentSize();
    }

    public String synchronousStandbyNames() throws SQLException, IOException {
        return show("synchronous_standby_names");
    }

    public String synchronousCommit() throws SQLException, IOException {
        return show("synchronous_commit");
    }

    /**
     * The slot, created (reserving WAL from now on) when it does not exist yet. Whether another
     * receiver uses it shows only when streaming starts (SQLSTATE 55006).
     */
    public SlotState slot(String name) throws SQLException, IOException {
        requireValid(name);
        List<String> row = firstRow("READ_REPLICATION_SLOT " + name);
        if (row.get(0) != null) {
            if (!"physical".equals(row.get(0))) {
                throw new SQLException("replication slot " + name + " is a " + row.get(0) + " slot", "42710");
            }
            return new SlotState(
                    name,
                    row.get(1) == null ? OptionalLong.empty() : OptionalLong.of(WalPosition.lsn(row.get(1))),
                    0,
                    false);
        }
        connection.command("CREATE_REPLICATION_SLOT " + name + " PHYSICAL RESERVE_WAL");
        List<String> created = firstRow("READ_REPLICATION_SLOT " + name);
        return new SlotState(
                name,
                created.get(1) == null ? OptionalLong.empty() : OptionalLong.of(WalPosition.lsn(created.get(1))),
                0,
                true);
    }

    /** Starts streaming {@code timeline} from {@code lsn}; the server ends the copy where an older timeline ends. */
    public PhysicalStream start(String slot, long lsn, int timeline) throws SQLException, IOException {
        requireValid(slot);
        connection.startCopy(
                "START_REPLICATION SLOT " + slot + " PHYSICAL " + WalPosition.text(lsn) + " TIMELINE " + timeline);
        return new PhysicalStream(connection);
    }

    /** Closes the socket at once: the way to stop a thread blocked reading the stream. */
    public void abort() {
        connection.abort();
    }

    @Override
    public void close() {
        connection.close();
    }

    private String show(String setting) throws SQLException, IOException {
        return firstRow("SHOW " + setting).get(0);
    }

    private List<String> firstRow(String command) throws SQLException, IOException {
        List<List<String>> rows = connection.command(command);
        if (rows.isEmpty()) {
            throw new IOException(command.split(" ")[0] + " returned no row");
        }
        return rows.get(0);
    }

    private static void requireValid(String slot) {
        if (!isValidSlotName(slot)) {
            throw new IllegalArgumentException("invalid slot name " + slot);
        }
    }
}
