package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.CheckInput;
import dev.keel.check.Checker;
import dev.keel.check.Finding;
import dev.keel.check.RuleCheck;
import dev.keel.check.Severity;
import dev.keel.check.TargetWith;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullTableDmlUnderLockTest {
    private final FullTableDmlUnderLock rule = new FullTableDmlUnderLock();

    private List<Finding> onTarget(long rows, String sql) {
        return new Checker(List.of(rule), 17)
                .check(List.of(new CheckInput("V1.sql", sql)), TargetWith.table("orders", rows))
                .findings();
    }

    @Test
    void errOnATableAtLeastTheShadowRowLimit() {
        assertThat(onTarget(100_000, """
                ALTER TABLE orders ADD COLUMN region text;
                UPDATE orders SET region = 'eu';
                """)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message())
                    .contains("~100000 rows")
                    .contains("ACCESS EXCLUSIVE lock ALTER TABLE took at line 1");
        });
        assertThat(onTarget(2_000_000, "LOCK TABLE orders;\nDELETE FROM orders;"))
                .extracting(Finding::severity)
                .containsExactly(Severity.ERROR);
    }

    @Test
    void warnBelowTheLimitOrWhenUnknown() {
        assertThat(onTarget(99_999, "ALTER TABLE orders ADD COLUMN region text;\nUPDATE orders SET region = 'eu';"))
                .extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
        assertThat(RuleCheck.run(
                        rule, 17, "ALTER TABLE orders ADD COLUMN region text;\nUPDATE orders SET region = 'eu';"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("an unknown number of rows"));
    }

    @Test
    void okWithAWhereAnotherTableAWeakerLockOrAnotherFile() {
        assertThat(onTarget(1_000_000, """
                ALTER TABLE orders ADD COLUMN region text;
                UPDATE orders SET region = 'eu' WHERE id < 1000;
                UPDATE customers SET region = 'eu';
                """)).isEmpty();
        assertThat(onTarget(1_000_000, "CREATE INDEX orders_x ON orders (x);\nUPDATE orders SET region = 'eu';"))
                .isEmpty();
        assertThat(new Checker(List.of(rule), 17)
                        .check(
                                List.of(
                                        new CheckInput("V1.sql", "ALTER TABLE orders ADD COLUMN region text;"),
                                        new CheckInput("V2.sql", "UPDATE orders SET region = 'eu';")),
                                TargetWith.table("orders", 1_000_000))
                        .findings())
                .isEmpty();
    }
}
