package dev.keel.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.rules.DroppingTable;
import dev.keel.check.rules.RequireConcurrentIndexCreation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules after ATTACH / DETACH PARTITION and DROP SCHEMA … CASCADE see the objects those statements leave. */
class PartitionsAndSchemasFollowedTest {
    private static final String NEW_PARENT_WITH_LIVE_PARTITION = """
            CREATE TABLE events_new (id bigint, at date) PARTITION BY RANGE (at);
            ALTER TABLE events_new ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            """;

    private static List<Finding> check(Rule rule, SchemaModel target, String sql) {
        return new Checker(List.of(rule), 17)
                .check(List.of(new CheckInput("V1.sql", sql)), target)
                .findings();
    }

    @Test
    void anIndexOnANewPartitionedTableHoldingALiveTableBlocksItsWrites() {
        List<Finding> findings = RuleCheck.run(
                new RequireConcurrentIndexCreation(),
                17,
                NEW_PARENT_WITH_LIVE_PARTITION,
                "CREATE INDEX ON events_new (at);");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.fix()).contains("ON ONLY events_new"));
    }

    @Test
    void droppingANewPartitionedTableHoldingALiveTableLosesItsRows() {
        assertThat(RuleCheck.where(new DroppingTable(), 17, NEW_PARENT_WITH_LIVE_PARTITION, "DROP TABLE events_new;"))
                .containsExactly("V2.sql:1:12 dropping-table");
    }

    @Test
    void afterDetachTheNewParentIsFreeAndTheDetachedTableIsAPlainLiveTable() {
        List<Finding> findings =
                RuleCheck.run(new RequireConcurrentIndexCreation(), 17, NEW_PARENT_WITH_LIVE_PARTITION, """
                ALTER TABLE events_new DETACH PARTITION events_2024;
                CREATE INDEX events_new_at ON events_new (at);
                CREATE INDEX events_2024_at ON events_2024 (at);
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.fix()).startsWith("CREATE INDEX CONCURRENTLY");
        });
    }

    @Test
    void aTableRecreatedAfterDropSchemaCascadeIsNew() {
        SchemaModel target = TargetWith.table("billing.invoices", 50_000);
        String sql = """
                DROP SCHEMA billing CASCADE;
                CREATE SCHEMA billing;
                CREATE TABLE billing.invoices (id bigint, customer bigint);
                CREATE INDEX invoices_customer ON billing.invoices (customer);
                """;

        assertThat(check(new RequireConcurrentIndexCreation(), target, sql)).isEmpty();
    }

    @Test
    void aTableOfADroppedSchemaIsNotDroppedAgain() {
        String sql = "DROP SCHEMA billing CASCADE;\nDROP TABLE IF EXISTS billing.invoices;";

        assertThat(RuleCheck.run(new DroppingTable(), 17, sql)).isEmpty();
    }
}
