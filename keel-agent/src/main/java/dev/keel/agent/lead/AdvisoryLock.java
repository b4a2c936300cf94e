package dev.keel.agent.lead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Session advisory locks of keel up, named by text so that agents of different keel schemas on one database never
 * meet: the server drops them when the session ends, however it ends, which is what makes a killed agent's lock free.
 */
public final class AdvisoryLock {

    private AdvisoryLock() {}

    /** The lock the leading agent holds. */
    public static String leader(String schema) {
        return "keel up leader " + schema;
    }

    /** The lock held while a job runs, on whichever agent runs it. */
    public static String job(String schema, String job) {
        return "keel up job " + schema + "." + job;
    }

    /** Takes the lock for this session when it is free; never waits. */
    public static boolean tryLock(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("/* keel up */ SELECT pg_try_advisory_lock(hashtext(?))")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public static void unlock(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("/* keel up */ SELECT pg_advisory_unlock(hashtext(?))")) {
            s.setString(1, name);
            s.execute();
        }
    }
}
