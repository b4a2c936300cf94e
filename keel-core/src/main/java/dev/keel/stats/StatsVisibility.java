package dev.keel.stats;

import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether this role sees every role's sessions and statements. Without pg_read_all_stats (or
 * superuser), pg_stat_activity hides other roles' state, transaction and wait columns and
 * pg_stat_statements their query ids and texts; nothing fails, the view just looks calm. So a reader
 * must be told, with the grant that fixes it, or silence reads as "all clear".
 *
 * @param role the role keel connected as
 * @param seesAll a superuser or a member of pg_read_all_stats (pg_monitor includes it)
 * @param grant the statement that makes it see everything; null when it does already
 * @param notice one sentence saying what this role cannot see and the grant; null when it sees everything
 */
public record StatsVisibility(String role, boolean seesAll, String grant, String notice) {
    public static final String ROLE = "pg_read_all_stats";

    /** For callers that cannot tell (tests, contexts built by hand): assumed to see all, as before this was checked. */
    public static final StatsVisibility UNKNOWN = new StatsVisibility(null, true, null, null);

    public static StatsVisibility of(String role, boolean seesAll) {
        if (seesAll) {
            return new StatsVisibility(role, true, null, null);
        }
        String grant = "GRANT " + ROLE + " TO " + Identifiers.display(role) + ";";
        return new StatsVisibility(
                role,
                false,
                grant,
                "role " + Identifiers.display(role) + " is not a member of " + ROLE
                        + ", so it sees only its own sessions in pg_stat_activity and its own statements in pg_stat_statements,"
                        + " not those of other roles (the application's among them); run " + grant
                        + " as a superuser to see them all");
    }

    public static StatsVisibility of(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(StatsVisibility.class, "visibility.sql"))) {
            rs.next();
            return of(rs.getString("role_name"), rs.getBoolean("sees_all"));
        }
    }
}
