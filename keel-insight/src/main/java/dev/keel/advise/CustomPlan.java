package dev.keel.advise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The plan of a statement with its values written in (pg_stat_statements' text with sampled
 * literals put back): the planner sees the real values and their selectivity, as it does when
 * the client runs it. EXPLAIN without ANALYZE runs nothing, and the transaction is rolled back.
 */
final class CustomPlan {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CustomPlan() {}

    /**
     * @param sql one statement without parameters, built by LiteralAlignment.substitute
     * @param searchPath a search_path to plan with (a scratch schema first); null keeps the session's
     */
    static JsonNode explain(Connection c, String sql, String searchPath) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // The sampled strings were checked as standard literals: make sure the server reads them so.
            s.execute("SET LOCAL standard_conforming_strings = on");
            if (searchPath != null) {
                s.execute("SET LOCAL search_path = " + searchPath);
            }
            try (ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON, VERBOSE) " + sql)) {
                rs.next();
                return JSON.readTree(rs.getString(1)).get(0).get("Plan");
            } catch (JsonProcessingException e) {
                throw new SQLException("EXPLAIN returned JSON keel cannot read: " + e.getOriginalMessage(), e);
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }
}
