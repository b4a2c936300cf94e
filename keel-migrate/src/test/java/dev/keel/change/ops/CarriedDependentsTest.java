package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.Action;
import dev.keel.change.LiveSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planned from a catalog snapshot, without a database. */
class CarriedDependentsTest {
    private static final String TABLE = "\"public\".\"orders\"";

    private static LiveSchema.Dependent index(String name, List<String> keys, List<String> options, boolean simple) {
        return new LiveSchema.Dependent(
                "index", name, keys, false, false, null, null, "btree", simple, keys, options, List.of(), null, null);
    }

    private static LiveSchema.Table orders(LiveSchema.Dependent... dependents) {
        return new LiveSchema.Table(
                "orders",
                List.of(new LiveSchema.Column("amount", "integer", false, null, false)),
                List.of("id"),
                "d",
                List.of(),
                List.of(),
                false,
                List.of(),
                List.of(dependents));
    }

    @Test
    void anIndexIsBuiltOnTheNewColumnWithItsOptionsAndRenamedAtComplete() {
        CarriedDependents carried = CarriedDependents.of(
                orders(index("orders_amount", List.of("customer", "amount"), List.of("", " DESC"), true)),
                "amount",
                "_keel_new_amount");
        assertThat(carried.problems(true)).isEmpty();
        assertThat(carried.start(TABLE, "public"))
                .extracting(Action::sql)
                .containsExactly("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"_keel_c_orders_amount\" ON " + TABLE
                        + " USING btree (\"customer\", \"_keel_new_amount\" DESC)");
        assertThat(carried.rename(TABLE, "public"))
                .extracting(Action::sql)
                .containsExactly("ALTER INDEX \"public\".\"_keel_c_orders_amount\" RENAME TO \"orders_amount\"");
    }

    @Test
    void aForeignKeyMovesOnlyThisTablesColumnAndIsValidatedUnlessTheOriginalNeverWas() {
        LiveSchema.Dependent fk = new LiveSchema.Dependent(
                "foreign_key",
                "orders_amount_fk",
                List.of("amount"),
                false,
                false,
                null,
                null,
                null,
                true,
                List.of("amount"),
                List.of(),
                List.of(),
                "FOREIGN KEY (amount) REFERENCES amounts(amount) ON DELETE CASCADE",
                null);
        CarriedDependents carried = CarriedDependents.of(orders(fk), "amount", "n");
        assertThat(carried.start(TABLE, "public"))
                .extracting(Action::sql)
                .containsExactly("ALTER TABLE " + TABLE + " ADD CONSTRAINT \"_keel_c_orders_amount_fk\""
                        + " FOREIGN KEY (\"n\") REFERENCES amounts(amount) ON DELETE CASCADE NOT VALID");
        assertThat(carried.validate(TABLE)).hasSize(1);

        LiveSchema.Dependent unvalidated = new LiveSchema.Dependent(
                "check",
                "orders_amount_positive",
                List.of("amount"),
                false,
                false,
                null,
                null,
                null,
                true,
                List.of("amount"),
                List.of(),
                List.of(),
                "CHECK (amount > 0) NOT VALID",
                null);
        CarriedDependents check = CarriedDependents.of(orders(unvalidated), "amount", "n");
        assertThat(check.start(TABLE, "public"))
                .extracting(Action::sql)
                .containsExactly("ALTER TABLE " + TABLE
                        + " ADD CONSTRAINT \"_keel_c_orders_amount_positive\" CHECK (\"n\" > 0) NOT VALID");
        assertThat(check.validate(TABLE))
                .as("never validated itself, so not validated now")
                .isEmpty();
        assertThat(check.checkExpressions()).containsExactly("amount > 0");
    }

    @Test
    void whatCannotBeCopiedIsAProblemAndOperatorClassesOnlyWhenTheTypeChanges() {
        LiveSchema.Dependent expression = index("orders_lower", List.of("amount"), List.of(), false);
        LiveSchema.Dependent pattern =
                index("orders_pattern", List.of("amount"), List.of(" pg_catalog.text_pattern_ops"), true);
        LiveSchema.Dependent descending = index("orders_desc", List.of("amount"), List.of(" DESC NULLS LAST"), true);
        LiveSchema.Dependent referenced = new LiveSchema.Dependent(
                "referenced_by",
                "lines_amount_fk",
                List.of("amount"),
                false,
                false,
                null,
                null,
                null,
                true,
                List.of(),
                List.of(),
                List.of(),
                null,
                "lines");
        CarriedDependents carried =
                CarriedDependents.of(orders(expression, pattern, descending, referenced), "amount", "n");
        assertThat(carried.problems(true))
                .extracting(CarriedDependents.Problem::message)
                .containsExactly(
                        "index orders_lower uses amount in an expression or a predicate, which alter_column cannot"
                                + " copy",
                        "index orders_pattern uses an operator class or collation chosen for the old type of amount",
                        "foreign key lines_amount_fk of lines references amount, which alter_column cannot repoint");
        assertThat(carried.problems(false)).hasSize(2);
    }

    @Test
    void aTableTheChangeCreatesCarriesNothing() {
        CarriedDependents carried = CarriedDependents.of(null, "amount", "n");
        assertThat(carried.problems(true)).isEmpty();
        assertThat(carried.start(TABLE, "public")).isEmpty();
    }
}
