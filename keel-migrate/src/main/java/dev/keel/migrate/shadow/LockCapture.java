package dev.keel.migrate.shadow;

import dev.keel.sql.LockMode;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The event trigger that records, at the end of every DDL command on the shadow, the relation locks
 * the command holds and its command tag (see capture-install.sql). Only a superuser may create an
 * event trigger; without one the capture stays off and the other observations still work.
 */
public final class LockCapture {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final boolean installed;
    private long seen;

    private LockCapture(boolean installed) {
        this.installed = installed;
    }

    /** Installs the trigger; a user who may not create event triggers gets a capture that is off. */
    public static LockCapture install(Connection shadow) throws SQLException {
        try (Statement s = shadow.createStatement()) {
            s.execute(SqlResources.load(LockCapture.class, "capture-install.sql"));
            return new LockCapture(true);
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                if (!shadow.getAutoCommit()) {
                    shadow.rollback();
                }
                return new LockCapture(false);
            }
            throw e;
        }
    }

    public static LockCapture off() {
        return new LockCapture(false);
    }

    public boolean installed() {
        return installed;
    }

    /** The commands captured since the last call (run on the statement's own connection: its transaction sees its rows). */
    public Captured next(Connection shadow) throws SQLException {
        List<String> tags = new ArrayList<>();
        List<TakenLock> locks = new ArrayList<>();
        if (!installed) {
            return new Captured(tags, locks);
        }
        try (PreparedStatement s = shadow.prepareStatement(SqlResources.load(LockCapture.class, "capture-read.sql"))) {
            s.setLong(1, seen);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seen = Math.max(seen, rs.getLong(1));
                    if (!tags.contains(rs.getString(2))) {
                        tags.add(rs.getString(2));
                    }
                    RelationName relation =
                            new RelationName(String.valueOf(rs.getString(3)), String.valueOf(rs.getString(4)));
                    LockMode.fromPgLocks(rs.getString(5)).ifPresent(mode -> locks.add(new TakenLock(relation, mode)));
                }
            }
        }
        return new Captured(tags, locks);
    }

    /** @param tags the command tags seen (e.g. ALTER TABLE), in order */
    public record Captured(List<String> tags, List<TakenLock> locks) {}
}
