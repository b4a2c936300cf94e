package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionProposalTest {
    private static final long GB = 1L << 30;

    @Test
    void theIntervalIsTheLongestWhosePartitionStaysUnderTheTarget() {
        assertThat(PartitionProposal.interval(200.0 * (1 << 20), 10 * GB)).isEqualTo("1 month");
        assertThat(PartitionProposal.interval(1.0 * GB, 10 * GB)).isEqualTo("1 week");
        assertThat(PartitionProposal.interval(20.0 * GB, 10 * GB))
                .as("even a day is larger")
                .isEqualTo("1 day");
        assertThat(PartitionProposal.interval(1.0, 10 * GB)).isEqualTo("1 year");
        assertThat(PartitionProposal.interval(null, 10 * GB)).isEqualTo("1 month");
    }

    @Test
    void theChangeFileNamesTheTableColumnAndIntervalAndSuggestsRetentionOnlyWhenOldRowsAreDeleted() {
        String file = PartitionProposal.changeFile("app.events", "created_at", "1 week", "why.", false);
        assertThat(file)
                .contains("V<next>__partition_events.yaml")
                .contains("  - partition_table:\n      table: app.events\n"
                        + "      partition_by: {column: created_at, interval: 1 week, premake: 4}\n")
                .doesNotContain("retention");
        assertThat(PartitionProposal.changeFile("app.events", "created_at", "1 week", "why.", true))
                .contains("# retention: 12 months");
    }
}
