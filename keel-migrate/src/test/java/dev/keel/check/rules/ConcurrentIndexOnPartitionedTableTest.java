package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.CheckInput;
import dev.keel.check.Checker;
import dev.keel.check.RuleCheck;
import dev.keel.check.TargetWith;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrentIndexOnPartitionedTableTest {
    private final ConcurrentIndexOnPartitionedTable rule = new ConcurrentIndexOnPartitionedTable();

    @Test
    void errConcurrentlyOnAPartitionedTableTheCatalogKnows() {
        assertThat(new Checker(List.of(rule), 17)
                        .check(
                                List.of(new CheckInput("V1.sql", "CREATE INDEX CONCURRENTLY e_at ON events (at);")),
                                TargetWith.partitioned("events"))
                        .findings())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("cannot build an index CONCURRENTLY on the partitioned table");
                    assertThat(f.fix()).contains("ON ONLY events").contains("create_index");
                });
    }

    @Test
    void errOnAPartitionedTableTheMigrationsCreate() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);",
                        "CREATE INDEX CONCURRENTLY e_at ON events (at);"))
                .containsExactly("V2.sql:1:1 concurrent-index-on-partitioned-table");
    }

    @Test
    void okOnAPlainTableOrOnOnly() {
        assertThat(RuleCheck.where(rule, 17, "CREATE INDEX CONCURRENTLY o ON orders (status);"))
                .isEmpty();
        assertThat(new Checker(List.of(rule), 17)
                        .check(
                                List.of(new CheckInput("V1.sql", "CREATE INDEX e_at ON ONLY events (at);")),
                                TargetWith.partitioned("events"))
                        .findings())
                .isEmpty();
    }
}
