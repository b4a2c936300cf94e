package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.upkeep.PartitionUpkeep;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionGaugesTest {

    @Test
    void eachSetShowsWhatItsKindHas() {
        ScrapeText scrape = Families.scrape(PartitionGauges.families(List.of(
                new PartitionUpkeep.Row(
                        "public",
                        "events",
                        "range",
                        "at",
                        "TIMESTAMPTZ",
                        "1 month",
                        4,
                        null,
                        "detach",
                        true,
                        5,
                        3L,
                        17.0),
                new PartitionUpkeep.Row(
                        "public", "ledger", "range", "id", "INTEGER", "1000000", 2, null, "detach", true, 3, null,
                        null),
                new PartitionUpkeep.Row(
                        "public", "customers", "list", "region", null, null, 4, null, "detach", true, 2, null, null))));

        assertThat(scrape.value("keel_partition_sets")).hasValue(3);
        assertThat(scrape.value("keel_partitions{set=\"public.events\"}")).hasValue(5);
        assertThat(scrape.value("keel_partitions_ahead{set=\"public.events\"}")).hasValue(3);
        assertThat(scrape.value("keel_partition_premake{set=\"public.events\"}"))
                .hasValue(4);
        assertThat(scrape.value("keel_partition_default_rows{set=\"public.events\"}"))
                .hasValue(17);
        assertThat(scrape.named("keel_partitions_ahead"))
                .as("an integer key has no now")
                .hasSize(1);
        assertThat(scrape.named("keel_partition_premake"))
                .as("a list set makes nothing ahead")
                .hasSize(2);
        assertThat(scrape.named("keel_partition_default_rows")).hasSize(1);
        assertThat(scrape.value("keel_partitions{set=\"public.customers\"}")).hasValue(2);
    }

    @Test
    void aRegistryWithoutSetsSaysZero() {
        ScrapeText scrape = Families.scrape(PartitionGauges.families(List.of()));

        assertThat(scrape.value("keel_partition_sets")).hasValue(0);
        assertThat(scrape.series()).hasSize(1);
    }
}
