package dev.keel.advise;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A ranked statement that could be planned, with the plans it is judged by: one generic plan, or
 * one custom plan per sampled set of values, weighted by how often that set was seen.
 *
 * @param evidence what the plans rest on, shown with every proposal: "generic plan" or the samples
 */
record AdvisedStatement(
        long queryId, String query, long calls, double totalMs, List<Variant> variants, String evidence) {

    AdvisedStatement {
        variants = List.copyOf(variants);
    }

    /**
     * One way to plan the statement.
     *
     * @param sql the normalized text (generic) or the text with sampled literals (custom)
     * @param weight how many observations stand behind it; 1 for the generic plan
     */
    record Variant(String sql, boolean generic, long weight, JsonNode plan) {

        JsonNode planAgain(Connection c, String searchPath) throws SQLException {
            return generic ? GenericPlan.explain(c, sql, searchPath) : CustomPlan.explain(c, sql, searchPath);
        }
    }

    /** The cost of the plans as they are, averaged over the samples. */
    double cost() {
        return weighted(
                variants.stream().map(v -> GenericPlan.totalCost(v.plan())).toList());
    }

    List<JsonNode> plans() {
        return variants.stream().map(Variant::plan).toList();
    }

    /**
     * Plans every variant again (with a candidate in place) and averages the cost.
     *
     * @return the averaged cost, or empty when no variant's plan uses {@code indexName}
     */
    OptionalDouble costWith(Connection c, String searchPath, String indexName) throws SQLException {
        List<Double> costs = new ArrayList<>();
        boolean used = false;
        for (Variant v : variants) {
            JsonNode plan = v.planAgain(c, searchPath);
            used |= PlanScans.usesIndex(plan, indexName);
            costs.add(GenericPlan.totalCost(plan));
        }
        return used ? OptionalDouble.of(weighted(costs)) : OptionalDouble.empty();
    }

    /** The plans' costs before a candidate, planned with {@code searchPath} (a scratch copy). */
    double costAgain(Connection c, String searchPath) throws SQLException {
        List<Double> costs = new ArrayList<>();
        for (Variant v : variants) {
            costs.add(GenericPlan.totalCost(v.planAgain(c, searchPath)));
        }
        return weighted(costs);
    }

    /** Mean cost per execution, each value set counting as often as it was seen. */
    private double weighted(List<Double> costs) {
        double sum = 0;
        long weights = 0;
        for (int i = 0; i < variants.size(); i++) {
            sum += costs.get(i) * variants.get(i).weight();
            weights += variants.get(i).weight();
        }
        return weights == 0 ? 0 : sum / weights;
    }
}
