package dev.keel.backup.replica;

import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The standbys keel made, in keel's state schema on the primary ({@code keel.replicas}): what lets list, the doctor
 * and the agent tell a replica that is gone from one that never was, and name the slot it leaves retaining WAL.
 */
public final class ReplicaRegistry {
    public static final String TABLE = "replicas";

    /**
     * @param name the standby's application_name on the primary
     * @param madeOn the host keel ran on, since the directory is a path there
     * @param source "backup ID" or "stream"
     */
    public record Entry(
            String name, String slot, String targetDir, String madeOn, String source, OffsetDateTime createdAt) {}

    private ReplicaRegistry() {}

    public static String table(String stateSchema) {
        return Identifiers.qualified(stateSchema, TABLE);
    }

    static void record(Connection c, String stateSchema, Entry entry) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : SqlResources.load(
                            ReplicaRegistry.class,
                            "replicas-create.sql",
                            Map.of("schema", Identifiers.quote(stateSchema), "replicas", table(stateSchema)))
                    .split(";")) {
                s.execute(statement);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table(stateSchema)
                + " (name, slot_name, target_dir, made_on, source) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET slot_name = excluded.slot_name, target_dir = excluded.target_dir,"
                + " made_on = excluded.made_on, source = excluded.source, created_at = now()")) {
            s.setString(1, entry.name());
            s.setString(2, entry.slot());
            s.setString(3, entry.targetDir());
            s.setString(4, entry.madeOn());
            s.setString(5, entry.source());
            s.executeUpdate();
        }
    }

    static void forgetQuietly(Connection c, String stateSchema, String name) {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table(stateSchema) + " WHERE name = ?")) {
            s.setString(1, name);
            s.executeUpdate();
        } catch (SQLException e) {
            // the table may not exist when recording failed; nothing to forget then
        }
    }

    /** Every recorded replica; none when keel has made none on this server (the table does not exist). */
    public static List<Entry> read(Connection c, String stateSchema) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement exists = c.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, table(stateSchema));
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return entries;
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select name, slot_name, target_dir, made_on, source, created_at from "
                        + table(stateSchema) + " order by name")) {
            while (rs.next()) {
                entries.add(new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)));
            }
        }
        return entries;
    }
}
