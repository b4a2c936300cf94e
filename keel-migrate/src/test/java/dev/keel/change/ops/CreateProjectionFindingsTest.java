package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.ChangeFile;
import dev.keel.change.ChangePlanner;
import dev.keel.change.LiveSchema;
import dev.keel.check.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** create_projection's findings that need no database. */
class CreateProjectionFindingsTest {
    private static final String LONG = "a_customer_email_address_kept_for_the_invoices";
    private static final LiveSchema SCHEMA = new LiveSchema(
            "public",
            Map.of(
                    "users",
                    table(
                            "users",
                            new LiveSchema.Column("id", "int", true, null, false),
                            new LiveSchema.Column("email", "text", false, null, false)),
                    "orders",
                    table(
                            "orders",
                            new LiveSchema.Column("id", "bigint", true, null, false),
                            new LiveSchema.Column("user_id", "int", false, null, false))));

    private static LiveSchema.Table table(String name, LiveSchema.Column... columns) {
        return new LiveSchema.Table(
                name,
                List.of(columns),
                List.of("id"),
                "d",
                List.of(),
                List.of(name + "_pkey"),
                false,
                List.of(),
                List.of());
    }

    private static List<Finding> findings(String column) {
        return new ChangePlanner("keel")
                .plan(
                        ChangeFile.parse(
                                "V3__copy.yaml",
                                "operations:\n  - create_projection: {table: orders, column: " + column
                                        + ", from: {table: users, column: email, key: user_id}}\n"),
                        SCHEMA,
                        "3",
                        "2",
                        null)
                .findings();
    }

    @Test
    void triggerNamesThatPostgresWouldCutShortAreAFinding() {
        assertThat(findings("customer_email")).isEmpty();
        assertThat(findings(LONG)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("change-bad-value");
            assertThat(f.message()).contains("keel_copy_orders_" + LONG + "_spread_update");
        });
    }
}
