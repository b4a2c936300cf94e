package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans without a database: a schema snapshot in, planned actions out. */
class ChangePlannerTest {
    private static final LiveSchema SCHEMA = new LiveSchema(
            "public",
            Map.of(
                    "orders",
                    new LiveSchema.Table(
                            "orders",
                            List.of(
                                    new LiveSchema.Column("id", "bigint", true, null, false),
                                    new LiveSchema.Column("amount", "integer", true, null, false)),
                            List.of("id"),
                            "d",
                            List.of("orders_pkey"),
                            List.of("orders_pkey"),
                            false,
                            List.of(),
                            List.of())));

    private static ChangePlan plan(String yaml) {
        return new ChangePlanner("keel").plan(ChangeFile.parse("V8__x.yaml", yaml), SCHEMA, "8", "7", null);
    }

    @Test
    void aTypeChangeAddsAColumnATriggerViewsAndABackfill() {
        ChangePlan plan = plan("operations:\n  - alter_column: {table: orders, column: amount, type: bigint}\n");
        assertThat(plan.valid()).isTrue();
        assertThat(plan.newSchema()).isEqualTo("public_v8");
        assertThat(plan.previousSchema()).isEqualTo("public_v7");
        assertThat(plan.start(Action.Kind.ATOMIC))
                .extracting(Action::sql)
                .anyMatch(sql -> sql.contains("ADD COLUMN \"_keel_new_amount\" bigint"))
                .anyMatch(sql -> sql.contains("CREATE TRIGGER"))
                .anyMatch(sql -> sql.contains("CREATE VIEW \"public_v8\".\"orders\" AS SELECT \"id\" AS \"id\","
                        + " \"_keel_new_amount\" AS \"amount\""));
        assertThat(plan.start(Action.Kind.BACKFILL))
                .singleElement()
                .satisfies(a -> assertThat(a.backfill().key()).containsExactly("id"));
        assertThat(plan.complete(Action.Kind.ATOMIC))
                .extracting(Action::sql)
                .containsSubsequence(
                        "DROP FUNCTION IF EXISTS \"keel\".\"_keel_dual_public_orders\"() CASCADE",
                        "ALTER TABLE \"public\".\"orders\" DROP COLUMN \"amount\"",
                        "ALTER TABLE \"public\".\"orders\" RENAME COLUMN \"_keel_new_amount\" TO \"amount\"");
        assertThat(plan.rollback(Action.Kind.ATOMIC))
                .extracting(Action::sql)
                .contains("ALTER TABLE \"public\".\"orders\" DROP COLUMN IF EXISTS \"_keel_new_amount\"");
    }

    @Test
    void aMissingColumnIsAFindingAndPlansNothing() {
        ChangePlan plan = plan("operations:\n  - rename_column: {table: orders, from: nope, to: x}\n");
        assertThat(plan.valid()).isFalse();
        assertThat(plan.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("change-missing-column");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message())
                    .startsWith("operation 1 (rename_column on orders.nope): column nope does not exist");
        });
        assertThat(plan.start()).isEmpty();
    }

    @Test
    void aNotNullColumnWithoutAValueIsAFinding() {
        ChangePlan plan =
                plan("operations:\n  - add_column: {table: orders, column: {name: s, type: text, nullable: false}}\n");
        assertThat(plan.findings())
                .extracting(
                        f -> f.rule(), f -> f.message().substring(0, f.message().indexOf(':')))
                .containsExactly(tuple("change-not-null-needs-value", "operation 1 (add_column on orders.s)"));
    }

    @Test
    void aColumnChangedTwiceInOneFileIsAFinding() {
        ChangePlan plan = plan("operations:\n  - rename_column: {table: orders, from: amount, to: total}\n"
                + "  - alter_column: {table: orders, column: total, type: bigint}\n");
        assertThat(plan.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("change-column-twice");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).startsWith("operation 2 (alter_column on orders.total): column orders.amount");
        });
    }

    @Test
    void aRenamedTableMayHaveItsColumnsChangedInTheSameFile() {
        ChangePlan plan = plan("operations:\n  - rename_table: {from: orders, to: purchases}\n"
                + "  - alter_column: {table: purchases, column: amount, type: bigint}\n");
        assertThat(plan.valid()).as(plan.findings().toString()).isTrue();
        assertThat(plan.complete(Action.Kind.ATOMIC))
                .extracting(Action::sql)
                .containsSubsequence(
                        "ALTER TABLE \"public\".\"orders\" DROP COLUMN \"amount\"",
                        "ALTER TABLE \"public\".\"orders\" RENAME TO \"purchases\"");
    }
}
