package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.change.ChangeFile;
import dev.keel.change.ChangePlan;
import dev.keel.change.ChangePlanner;
import dev.keel.change.LiveSchema;
import dev.keel.check.Finding;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is a finding at its file, line and column before anything runs; planned without a database. */
class CreatePartitionedTableFindingsTest {

    private static ChangePlan plan(String partitionBy) {
        String yaml = "operations:\n"
                + "  - create_partitioned_table:\n"
                + "      name: events\n"
                + "      columns: [{name: id, type: bigint, primary_key: true}, {name: at, type: timestamptz}]\n"
                + "      partition_by: " + partitionBy + "\n";
        return new ChangePlanner("keel")
                .plan(ChangeFile.parse("V2__events.yaml", yaml), new LiveSchema("public", Map.of()), "2", "1", null);
    }

    @Test
    void aKeyOutsideThePrimaryKeyIsAFindingAtTheKeysColumn() {
        ChangePlan plan = plan("{column: at, interval: 1 month}");
        assertThat(plan.valid()).isFalse();
        assertThat(plan.findings())
                .extracting(Finding::rule, Finding::file, Finding::line, Finding::column)
                .containsExactly(tuple("change-partition-key-not-in-primary-key", "V2__events.yaml", 5, 22));
        assertThat(plan.findings().get(0).message())
                .startsWith("operation 1 (create_partitioned_table on events): the primary key (id) of events does"
                        + " not hold the partition key at");
        assertThat(plan.start()).isEmpty();
    }

    @Test
    void anIntervalThatDoesNotDivideTimeSensiblyIsAFinding() {
        assertThat(plan("{column: id, interval: '7 hours'}").findings())
                .extracting(Finding::rule)
                .containsExactly("change-partition-interval");
        ChangePlan minutes = plan("{column: at, interval: 45 minutes}");
        assertThat(minutes.findings())
                .extracting(Finding::rule, Finding::line)
                .contains(tuple("change-partition-interval", 5));
        assertThat(minutes.findings())
                .filteredOn(f -> f.rule().equals("change-partition-interval"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("'45 minutes' does not divide an hour evenly");
                    assertThat(f.fix()).contains("1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30");
                });
    }

    @Test
    void anUnknownColumnIsAFinding() {
        assertThat(plan("{column: created_at, interval: 1 month}").findings())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("change-partition-key-unknown");
                    assertThat(f.message()).contains("created_at is not a column of events");
                    assertThat(f.fix()).isEqualTo("use one of id, at");
                });
    }

    @Test
    void otherMistakesAreFindingsToo() {
        assertThat(plan("{column: id, interval: 1 month, retention: forever, retention_action: archive, premake: 0}")
                        .findings())
                .extracting(Finding::rule)
                .containsExactly(
                        "change-partition-interval", "change-bad-value", "change-bad-value", "change-bad-value");
        assertThat(plan("{column: id, interval: 1000, strategy: hash}").findings())
                .extracting(Finding::rule)
                .containsExactly("change-bad-value");
        assertThat(plan("{column: id, interval: 1000, colum: x}").findings())
                .extracting(Finding::rule)
                .containsExactly("change-unknown-key");
    }

    @Test
    void aValidSetPlansItsPartitions() {
        ChangePlan plan = plan("{column: id, interval: 1000000, premake: 3}");
        assertThat(plan.valid()).as(plan.findings().toString()).isTrue();
        assertThat(plan.start())
                .filteredOn(a -> a.sql() != null && a.sql().contains("PARTITION OF"))
                .extracting(a -> a.sql())
                .contains(
                        "CREATE TABLE IF NOT EXISTS \"public\".\"events_default\" PARTITION OF \"public\".\"events\""
                                + " DEFAULT",
                        "CREATE TABLE IF NOT EXISTS \"public\".\"events_p0\" PARTITION OF \"public\".\"events\" FOR"
                                + " VALUES FROM (0) TO (1000000)")
                .hasSize(5);
    }
}
