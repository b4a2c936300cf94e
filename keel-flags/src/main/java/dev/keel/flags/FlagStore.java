package dev.keel.flags;

import dev.keel.sql.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the flag tables; the caller owns the connection and, for writes, the tables' existence. */
public final class FlagStore {
    private final FlagTables tables;

    public FlagStore(FlagTables tables) {
        this.tables = tables;
    }

    public FlagTables tables() {
        return tables;
    }

    /** Every flag by name; none when the tables were never created (no flag was ever set). */
    public Map<String, Flag> readAll(Connection c) throws SQLException {
        Map<String, Flag> flags = new LinkedHashMap<>();
        if (!tables.exist(c)) {
            return flags;
        }
        try (PreparedStatement s = c.prepareStatement(sql("flags-select.sql"));
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Flag flag = flag(rs);
                flags.put(flag.name(), flag);
            }
        }
        return flags;
    }

    /** The changes of one flag, oldest first. */
    public List<FlagChange> history(Connection c, String name) throws SQLException {
        if (!tables.exist(c)) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement(sql("history-select.sql"))) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                List<FlagChange> changes = new ArrayList<>();
                while (rs.next()) {
                    changes.add(change(rs));
                }
                return changes;
            }
        }
    }

    /**
     * Applies the update and records it in the history, in one transaction under a per-flag advisory lock, so two
     * concurrent writers of one flag each record the value the other left. The table's trigger notifies clients at
     * commit. On a connection in a transaction of the caller's, it joins it and the caller commits.
     */
    public Written write(Connection c, FlagUpdate update, String actor) throws SQLException {
        return CallerTransaction.run(c, () -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "keel flag " + tables.schema() + "." + update.name());
                lock.execute();
            }
            Flag before = null;
            try (PreparedStatement s = c.prepareStatement(sql("flag-select-for-update.sql"))) {
                s.setString(1, update.name());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        before = flag(rs);
                    }
                }
            }
            Flag wanted = update.applyTo(before, by(c, actor));
            Flag after;
            try (PreparedStatement s = c.prepareStatement(sql("flag-upsert.sql"))) {
                s.setString(1, wanted.name());
                s.setInt(2, wanted.rollout().basisPoints());
                s.setArray(3, textArray(c, wanted.allow()));
                s.setString(4, wanted.schemaVersion());
                s.setString(5, wanted.updatedBy());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    after = flag(rs);
                }
            }
            FlagChange change;
            try (PreparedStatement s = c.prepareStatement(sql("history-insert.sql"))) {
                s.setString(1, update.name());
                s.setString(2, actor);
                if (before == null) {
                    s.setNull(3, Types.INTEGER);
                } else {
                    s.setInt(3, before.rollout().basisPoints());
                }
                s.setInt(4, after.rollout().basisPoints());
                s.setArray(5, before == null ? null : textArray(c, before.allow()));
                s.setArray(6, textArray(c, after.allow()));
                s.setString(7, before == null ? null : before.schemaVersion());
                s.setString(8, after.schemaVersion());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    change = change(rs);
                }
            }
            return new Written(before, after, change);
        });
    }

    /** A write's outcome: the flag before (null when new) and after, and the history row. */
    public record Written(Flag before, Flag after, FlagChange change) {}

    private static String by(Connection c, String actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT current_user");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            String role = rs.getString(1);
            return actor == null || actor.isBlank() ? role : role + " (" + actor + ")";
        }
    }

    private String sql(String name) {
        return SqlResources.load(FlagStore.class, name, tables.names());
    }

    private static Array textArray(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private static Flag flag(ResultSet rs) throws SQLException {
        return new Flag(
                rs.getString("name"),
                new Rollout(rs.getInt("basis_points")),
                texts(rs.getArray("allow_list")),
                rs.getString("schema_version"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"));
    }

    private static FlagChange change(ResultSet rs) throws SQLException {
        int before = rs.getInt("basis_points_before");
        Rollout beforeRollout = rs.wasNull() ? null : new Rollout(before);
        return new FlagChange(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getObject("changed_at", OffsetDateTime.class),
                rs.getString("database_role"),
                rs.getString("actor"),
                beforeRollout,
                new Rollout(rs.getInt("basis_points_after")),
                texts(rs.getArray("allow_before")),
                texts(rs.getArray("allow_after")),
                rs.getString("schema_version_before"),
                rs.getString("schema_version_after"));
    }
}
