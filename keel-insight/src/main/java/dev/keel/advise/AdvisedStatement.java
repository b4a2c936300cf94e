package dev.keel.advise;

import com.fasterxml.jackson.databind.JsonNode;

/** A ranked statement that could be planned, with its generic plan's estimated cost today. */
record AdvisedStatement(long queryId, String query, long calls, double totalMs, JsonNode plan) {

    double cost() {
        return GenericPlan.totalCost(plan);
    }
}
