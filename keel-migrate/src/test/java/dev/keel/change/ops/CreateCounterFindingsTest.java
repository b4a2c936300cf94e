package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.change.Action;
import dev.keel.change.ChangeFile;
import dev.keel.change.ChangePlan;
import dev.keel.change.ChangePlanner;
import dev.keel.change.LiveSchema;
import dev.keel.check.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad counters are findings at the file, line and column of what is wrong, before anything runs. */
class CreateCounterFindingsTest {
    private static final LiveSchema SCHEMA = new LiveSchema(
            "public",
            Map.of(
                    "orders",
                    table(
                            "orders",
                            false,
                            new LiveSchema.Column("id", "bigint", true, null, false),
                            new LiveSchema.Column("user_id", "bigint", false, null, false),
                            new LiveSchema.Column("count", "integer", false, null, false),
                            new LiveSchema.Column("amount", "numeric(12,2)", false, null, false),
                            new LiveSchema.Column("weight", "double precision", false, null, false)),
                    "events",
                    table("events", true, new LiveSchema.Column("id", "bigint", true, null, false))));

    private static LiveSchema.Table table(String name, boolean partitioned, LiveSchema.Column... columns) {
        return new LiveSchema.Table(
                name,
                List.of(columns),
                List.of("id"),
                "d",
                List.of(),
                List.of(name + "_pkey"),
                partitioned,
                List.of(),
                List.of());
    }

    private static ChangePlan plan(String yaml) {
        return new ChangePlanner("keel").plan(ChangeFile.parse("V8__counter.yaml", yaml), SCHEMA, "8", "7", null);
    }

    private static List<Finding> findings(String operation) {
        ChangePlan plan = plan("operations:\n  - create_counter: " + operation + "\n");
        assertThat(plan.valid()).isFalse();
        return plan.findings();
    }

    @Test
    void aValidCounterPlansItsObjectsThenItsBaseRowsAndRollbackDropsThem() {
        ChangePlan plan = plan("operations:\n  - create_counter: {name: revenue, table: orders, group_by: [user_id],"
                + " sum: amount}\n");
        assertThat(plan.valid()).isTrue();
        assertThat(plan.start(Action.Kind.ATOMIC))
                .extracting(Action::sql)
                .anyMatch(sql -> sql.startsWith("CREATE TABLE \"public\".\"revenue_stripes\" AS SELECT \"user_id\""))
                .anyMatch(sql -> sql.contains("REFERENCING OLD TABLE AS keel_old NEW TABLE AS keel_new"))
                .anyMatch(sql -> sql.startsWith("CREATE VIEW \"public\".\"revenue\""));
        assertThat(plan.start(Action.Kind.INITIALISE))
                .singleElement()
                .satisfies(a -> assertThat(a.sql()).startsWith("WITH ready AS (UPDATE \"keel\".\"projections\""));
        assertThat(plan.rollback(Action.Kind.ATOMIC))
                .extracting(Action::sql)
                .contains("DROP TABLE IF EXISTS \"public\".\"revenue_stripes\"");
        assertThat(plan.complete()).noneMatch(a -> a.sql() != null && a.sql().contains("revenue"));
    }

    @Test
    void aMissingTableOrColumnIsAFindingAtItsKey() {
        assertThat(findings("{name: c, table: nope, group_by: [user_id]}"))
                .extracting(Finding::rule, Finding::line, Finding::column)
                .containsExactly(tuple("change-missing-table", 2, 31));
        assertThat(findings("{name: c, table: orders, group_by: [usr_id], sum: amont}"))
                .extracting(Finding::rule, Finding::line)
                .containsExactly(tuple("change-missing-column", 2), tuple("change-missing-column", 2));
    }

    @Test
    void aFloatSumIsRefusedForItCannotStayExact() {
        assertThat(findings("{name: c, table: orders, group_by: [user_id], sum: weight}"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("change-counter-sum-type");
                    assertThat(f.message()).contains("double precision");
                });
    }

    @Test
    void aGroupNamedCountAndMissingKeysAreFindingsAndAPartitionedTableIsNone() {
        ChangePlan partitioned = plan("operations:\n  - create_counter: {name: c, table: events, group_by: [id]}\n");
        assertThat(partitioned.valid()).isTrue();
        assertThat(partitioned.start())
                .extracting(a -> a.description())
                .contains("count each row written to events into c_stripes");
        assertThat(findings("{name: c, table: orders, group_by: [count]}"))
                .extracting(Finding::rule)
                .containsExactly("change-counter-column-name");
        assertThat(findings("{name: c, table: orders}"))
                .extracting(Finding::rule)
                .containsExactly("change-missing-key");
        assertThat(findings("{name: c, table: orders, group_by: [user_id], sum: amount, were: \"x\"}"))
                .singleElement()
                .satisfies(f -> assertThat(f.fix()).isEqualTo("did you mean 'where'?"));
    }

    @Test
    void aNameTakenByATableIsAFinding() {
        assertThat(findings("{name: orders, table: orders, group_by: [user_id]}"))
                .extracting(Finding::rule)
                .containsExactly("change-name-taken");
    }
}
