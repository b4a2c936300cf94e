package dev.keel.agent.metrics;

import dev.keel.agent.upkeep.ProjectionUpkeep;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * keel.projections in one statement: how stale each summary and materialized view is against its declared interval,
 * and for counters what compaction has left to do. Pending deltas are not counted exactly: that would scan each
 * stripes table; the stripes' estimated live rows (base rows and deltas) grow instead when compaction falls behind.
 */
final class ProjectionGauges {
    private record KindState(String kind, String state) {}

    private ProjectionGauges() {}

    static List<Family> read(Connection c, String registry) throws SQLException {
        return families(ProjectionUpkeep.readExisting(c, registry));
    }

    static List<Family> families(List<ProjectionUpkeep.Row> rows) {
        Family count = Family.gauge("keel_projections", "Projections keel keeps, by kind and state");
        Family staleness = Family.gauge(
                "keel_projection_staleness_seconds",
                "Seconds since a summary or materialized view was last refreshed (since it was created, before its"
                        + " first refresh)");
        Family interval = Family.gauge(
                "keel_projection_refresh_interval_seconds",
                "How often a summary or materialized view is to be refreshed, as its change declared it");
        Family stripes = Family.gauge(
                "keel_counter_stripe_rows",
                "Rows in a counter's stripes table, base rows and deltas not yet compacted, as the statistics estimate"
                        + " them");
        Family compacted = Family.gauge(
                "keel_counter_last_compacted_timestamp_seconds", "When a counter's deltas were last compacted");
        Map<KindState, Integer> byKindAndState = new LinkedHashMap<>();
        for (ProjectionUpkeep.Row r : rows) {
            byKindAndState.merge(new KindState(r.kind(), r.state()), 1, Integer::sum);
            Labels labels = Labels.of("kind", r.kind(), "projection", r.qualifiedName());
            if (r.refreshed()) {
                staleness.add(labels, Math.max(0, r.ageSeconds()));
                interval.add(labels, r.refreshSeconds());
            }
            if ("counter".equals(r.kind())) {
                Labels counter = Labels.of("counter", r.qualifiedName());
                if (r.stripeRows() != null) {
                    stripes.add(counter, r.stripeRows());
                }
                if (r.lastCompacted() != null) {
                    compacted.add(counter, r.lastCompacted().toEpochSecond());
                }
            }
        }
        byKindAndState.forEach((k, n) -> count.add(Labels.of("kind", k.kind(), "state", k.state()), n));
        return List.of(count, staleness, interval, stripes, compacted);
    }
}
