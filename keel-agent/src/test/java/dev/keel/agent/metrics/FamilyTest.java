package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyTest {

    @Test
    void anUntypedFamilyKeepsTheExportersCounterNameWithoutTotal() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Family commits = Family.untyped("pg_stat_database_xact_commit", "commits")
                .add(Labels.of("datid", "5", "datname", "shop", "server", "db:5432"), 42);
        registry.getPrometheusRegistry().register(() -> new MetricSnapshots(commits.snapshot()));

        ScrapeText scrape = ScrapeText.of(registry.scrape());

        assertThat(scrape.value("pg_stat_database_xact_commit{datid=\"5\",datname=\"shop\",server=\"db:5432\"}"))
                .hasValue(42);
        assertThat(scrape.type("pg_stat_database_xact_commit")).isEqualTo("untyped");
        assertThat(scrape.named("pg_stat_database_xact_commit_total")).isEmpty();
    }

    @Test
    void familiesWithoutSamplesAreLeftOut() {
        Family empty = Family.gauge("keel_rpo_target_seconds", "target");
        Family one = Family.gauge("pg_up", "up").add(1);

        assertThat(Family.snapshots(List.of(empty, one)))
                .singleElement()
                .satisfies(s -> assertThat(s.getMetadata().getName()).isEqualTo("pg_up"));
    }

    @Test
    void aFamilyTheClientRefusesIsLeftOutAndTheRestStays() {
        // Regression: keel_change_backfill_rows_total ends in a suffix the client reserves for counters, and the
        // exception it threw took the whole scrape down.
        Family refused = Family.gauge("keel_change_backfill_rows_total", "rows").add(1);
        Family kept = Family.gauge("pg_up", "up").add(1);

        assertThat(Family.snapshots(List.of(refused, kept)))
                .singleElement()
                .satisfies(s -> assertThat(s.getMetadata().getName()).isEqualTo("pg_up"));
    }
}
