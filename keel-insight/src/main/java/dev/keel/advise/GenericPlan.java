package dev.keel.advise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The planner's generic plan for a normalized statement ({@code WHERE user_id = $1}): the statement
 * is prepared with force_generic_plan and explained with NULL arguments, which a generic plan does
 * not look at, so the estimate holds for any value. Works on PostgreSQL 12 and later. It runs in a
 * transaction that is rolled back, and EXPLAIN without ANALYZE runs nothing, so even an UPDATE is safe.
 */
final class GenericPlan {
    private static final String NAME = "keel_advise_plan";
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");
    private static final Pattern EXPLAINABLE =
            Pattern.compile("^\\s*(?:SELECT|WITH|UPDATE|DELETE)\\b", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private GenericPlan() {}

    /** SELECT, UPDATE and DELETE (and WITH): the statements an index can make cheaper to find rows for. */
    static boolean explainable(String query) {
        return EXPLAINABLE.matcher(query).find();
    }

    /**
     * @param searchPath a search_path to plan with (a scratch schema first); null keeps the session's
     * @return the plan's top node, with "Total Cost"
     */
    static JsonNode explain(Connection c, String query, String searchPath) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            if (searchPath != null) {
                s.execute("SET LOCAL search_path = " + searchPath);
            }
            s.execute("PREPARE " + NAME + " AS " + query);
            int parameters = parameters(query);
            String arguments =
                    parameters == 0 ? "" : "(" + String.join(", ", Collections.nCopies(parameters, "NULL")) + ")";
            try (ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON, VERBOSE) EXECUTE " + NAME + arguments)) {
                rs.next();
                return JSON.readTree(rs.getString(1)).get(0).get("Plan");
            } catch (JsonProcessingException e) {
                throw new SQLException("EXPLAIN returned JSON keel cannot read: " + e.getOriginalMessage(), e);
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
            deallocate(c);
        }
    }

    static double totalCost(JsonNode plan) {
        return plan.path("Total Cost").asDouble();
    }

    static int parameters(String query) {
        int highest = 0;
        Matcher m = PARAMETER.matcher(query);
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest;
    }

    /** A prepared statement outlives a rollback; a failed PREPARE left none, which is fine too. */
    private static void deallocate(Connection c) {
        boolean autoCommit = true;
        try (Statement s = c.createStatement()) {
            autoCommit = c.getAutoCommit();
            s.execute("DEALLOCATE " + NAME);
        } catch (SQLException ignored) {
            // Nothing was prepared.
        }
        if (!autoCommit) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // Only clearing the failed DEALLOCATE.
            }
        }
    }
}
