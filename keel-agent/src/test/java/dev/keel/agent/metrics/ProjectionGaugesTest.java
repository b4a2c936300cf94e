package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.upkeep.ProjectionUpkeep;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionGaugesTest {
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-03T10:00:00Z");

    static ProjectionUpkeep.Row row(String name, String kind, String state, Double refresh, double age) {
        return new ProjectionUpkeep.Row("public", name, kind, state, refresh, age, null, null, null, null);
    }

    @Test
    void refreshedKindsGetTheirAgeAndIntervalAndEveryKindIsCountedByState() {
        ScrapeText scrape = Families.scrape(ProjectionGauges.families(List.of(
                row("daily", "summary", "ready", 300.0, 3600),
                row("ratings", "materialized_view", "initialising", 3600.0, 12),
                row("totals", "projection", "ready", null, 99999),
                row("weekly", "summary", "ready", 300.0, -0.5))));

        assertThat(scrape.value("keel_projection_staleness_seconds{kind=\"summary\",projection=\"public.daily\"}"))
                .hasValue(3600);
        assertThat(
                        scrape.value(
                                "keel_projection_refresh_interval_seconds{kind=\"materialized_view\",projection=\"public.ratings\"}"))
                .hasValue(3600);
        assertThat(scrape.value("keel_projection_staleness_seconds{kind=\"summary\",projection=\"public.weekly\"}"))
                .as("clocks a little apart never make a negative age")
                .hasValue(0);
        assertThat(scrape.named("keel_projection_staleness_seconds")).hasSize(3);
        assertThat(scrape.value("keel_projections{kind=\"summary\",state=\"ready\"}"))
                .hasValue(2);
        assertThat(scrape.value("keel_projections{kind=\"materialized_view\",state=\"initialising\"}"))
                .hasValue(1);
        assertThat(scrape.value("keel_projections{kind=\"projection\",state=\"ready\"}"))
                .hasValue(1);
        assertThat(scrape.type("keel_projection_staleness_seconds")).isEqualTo("gauge");
    }

    @Test
    void aCounterShowsItsStripesAndLastCompactionWhereKnown() {
        ScrapeText scrape = Families.scrape(ProjectionGauges.families(List.of(
                new ProjectionUpkeep.Row("public", "per_user", "counter", "ready", null, 10, null, AT, null, 1234.0),
                new ProjectionUpkeep.Row(
                        "app", "per_day", "counter", "initialising", null, 1, null, null, null, null))));

        assertThat(scrape.value("keel_counter_stripe_rows{counter=\"public.per_user\"}"))
                .hasValue(1234);
        assertThat(scrape.value("keel_counter_last_compacted_timestamp_seconds{counter=\"public.per_user\"}"))
                .hasValue(AT.toEpochSecond());
        assertThat(scrape.named("keel_counter_stripe_rows")).hasSize(1);
        assertThat(scrape.named("keel_counter_last_compacted_timestamp_seconds"))
                .hasSize(1);
        assertThat(scrape.named("keel_projection_staleness_seconds")).isEmpty();
    }

    @Test
    void anEmptyRegistryShowsNoSeries() {
        assertThat(Families.scrape(ProjectionGauges.families(List.of())).series())
                .isEmpty();
    }
}
