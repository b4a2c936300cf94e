package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.ChangeFile;
import dev.keel.change.ChangePlan;
import dev.keel.change.ChangePlanner;
import dev.keel.change.LiveSchema;
import dev.keel.check.Finding;
import dev.keel.projection.CounterDefinition;
import dev.keel.projection.MaterializedViewDefinition;
import dev.keel.projection.ProjectionCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which drops and renames a registered projection refuses, planned without a database. */
class ProjectionDependenciesTest {
    private static final LiveSchema SCHEMA = new LiveSchema(
            "public",
            Map.of(
                    "orders",
                    new LiveSchema.Table(
                            "orders",
                            List.of(
                                    new LiveSchema.Column("id", "bigint", true, null, false),
                                    new LiveSchema.Column("user_id", "bigint", false, null, false),
                                    new LiveSchema.Column("status", "text", false, null, false),
                                    new LiveSchema.Column("note", "text", false, null, false)),
                            List.of("id"),
                            "d",
                            List.of(),
                            List.of("orders_pkey"),
                            false,
                            List.of(),
                            List.of())),
            List.of(
                    new LiveSchema.Projection(
                            "paid_orders",
                            ProjectionCatalog.COUNTER,
                            new CounterDefinition(
                                            "public",
                                            "paid_orders",
                                            "orders",
                                            List.of("user_id"),
                                            null,
                                            null,
                                            "status = 'paid'")
                                    .toJson()),
                    new LiveSchema.Projection(
                            "notes",
                            ProjectionCatalog.MATERIALIZED_VIEW,
                            new MaterializedViewDefinition(
                                            "public", "notes", "SELECT id, note FROM orders", List.of("id"), 3600)
                                    .toJson())));

    private static List<String> rules(String operations) {
        ChangePlan plan = new ChangePlanner("keel")
                .plan(ChangeFile.parse("V5__x.yaml", "operations:\n" + operations), SCHEMA, "5", "4", null);
        return plan.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void aColumnTheCounterGroupsByOrFiltersOnIsRefused() {
        assertThat(rules("  - drop_column: {table: orders, column: status}\n"))
                .containsExactly("change-projection-in-use");
        assertThat(rules("  - rename_column: {table: orders, from: user_id, to: customer_id}\n"))
                .containsExactly("change-projection-in-use");
        assertThat(rules("  - rename_table: {from: orders, to: purchases}\n"))
                .containsExactly("change-projection-in-use");
    }

    @Test
    void otherColumnsAndWhatAMaterializedViewReadsAreLeftToPostgres() {
        assertThat(rules("  - drop_column: {table: orders, column: note}\n")).isEmpty();
    }

    @Test
    void droppingTheCounterFirstLetsTheChangeThrough() {
        assertThat(rules("  - drop_projection: {name: paid_orders}\n"
                        + "  - rename_column: {table: orders, from: status, to: state}\n"))
                .isEmpty();
        assertThat(rules("  - drop_projection: {name: missing}\n")).containsExactly("change-missing-projection");
    }
}
