package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.CheckInput;
import dev.keel.check.Checker;
import dev.keel.check.Finding;
import dev.keel.check.RuleCheck;
import dev.keel.check.SchemaModel;
import dev.keel.check.TargetWith;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequireConcurrentIndexCreationTest {
    private final RequireConcurrentIndexCreation rule = new RequireConcurrentIndexCreation();

    @Test
    void errIndexOnAnExistingTable() {
        assertThat(RuleCheck.where(rule, 17, "create index orders_status on orders (status);"))
                .containsExactly("V1.sql:1:1 require-concurrent-index-creation");
        assertThat(RuleCheck.where(rule, 17, "CREATE UNIQUE INDEX u ON ONLY shop.orders (id);"))
                .hasSize(1);
    }

    @Test
    void okConcurrently() {
        assertThat(RuleCheck.where(rule, 17, "create index concurrently orders_status on orders (status);"))
                .isEmpty();
    }

    @Test
    void okRightAfterCreateTable() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "create table orders (id bigint, status text);\ncreate index orders_status on orders (status);"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule, 17, "create table shop.orders (id bigint);", "create index o on shop.orders (id);"))
                .isEmpty();
    }

    @Test
    void theMessageSaysWhatWaitsAndTheFix() {
        var finding = RuleCheck.run(rule, 17, "create index orders_status on orders (status);")
                .get(0);
        assertThat(finding.message())
                .isEqualTo(
                        "CREATE INDEX takes a SHARE lock on orders: inserts, updates and deletes wait until the whole index is built");
        assertThat(finding.fix()).startsWith("CREATE INDEX CONCURRENTLY");
    }

    @Test
    void aPartitionedTableGetsTheFixPostgresAllows() {
        SchemaModel target = new SchemaModel(true);
        String parent = "CREATE TABLE IF NOT EXISTS events (id bigint, at date) PARTITION BY RANGE (at);";
        List<Finding> findings = new Checker(List.of(rule), 17)
                .check(
                        List.of(new CheckInput("V1.sql", "CREATE INDEX events_at ON events (at);")),
                        TargetWith.partitioned("events"))
                .findings();
        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.fix()).contains("ON ONLY events").contains("ATTACH PARTITION"));
        assertThat(new Checker(List.of(rule), 17)
                        .check(
                                List.of(new CheckInput("V1.sql", "CREATE INDEX events_at ON ONLY events (at);")),
                                TargetWith.partitioned("events"))
                        .findings())
                .isEmpty();
        assertThat(new Checker(List.of(rule), 17)
                        .check(
                                List.of(new CheckInput("V1.sql", parent + "\nCREATE INDEX events_at ON events (at);")),
                                target)
                        .findings())
                .isEmpty();
    }
}
