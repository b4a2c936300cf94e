package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.CheckInput;
import dev.keel.check.Checker;
import dev.keel.check.Finding;
import dev.keel.check.RuleCheck;
import dev.keel.check.SchemaModel;
import dev.keel.check.Severity;
import dev.keel.check.TargetWith;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddingRequiredFieldTest {
    private final AddingRequiredField rule = new AddingRequiredField();

    private List<Finding> onTarget(long rows, String sql) {
        SchemaModel target = TargetWith.table("orders", rows);
        return new Checker(List.of(rule), 17)
                .check(List.of(new CheckInput("V1.sql", sql)), target)
                .findings();
    }

    @Test
    void errWhenTheTargetSaysTheTableHasRows() {
        List<Finding> findings = onTarget(1200, "ALTER TABLE orders ADD COLUMN region text NOT NULL;");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("~1200 rows").contains("PostgreSQL refuses");
        });
        assertThat(onTarget(5, "ALTER TABLE orders ADD COLUMN id2 bigint PRIMARY KEY;"))
                .hasSize(1);
    }

    @Test
    void warnWhenTheRowCountIsUnknown() {
        assertThat(RuleCheck.run(rule, 17, """
                ALTER TABLE orders ADD COLUMN region text NOT NULL;
                """))
                .singleElement()
                .extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void okWhenTheTargetSaysTheTableIsEmpty() {
        assertThat(onTarget(0, "ALTER TABLE orders ADD COLUMN region text NOT NULL;"))
                .isEmpty();
    }

    @Test
    void okWithADefaultOrValuesOfItsOwn() {
        assertThat(onTarget(1200, """
                ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';
                ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL;
                ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (1) STORED NOT NULL;
                ALTER TABLE orders ADD COLUMN n bigserial NOT NULL;
                ALTER TABLE orders ADD COLUMN note text;
                ALTER TABLE orders ADD CONSTRAINT orders_note_nn CHECK (note IS NOT NULL) NOT VALID;
                """)).isEmpty();
    }

    @Test
    void okOnATableTheFilesCreated() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "CREATE TABLE carts (id bigint);",
                        "ALTER TABLE carts ADD COLUMN token text NOT NULL;"))
                .isEmpty();
    }
}
