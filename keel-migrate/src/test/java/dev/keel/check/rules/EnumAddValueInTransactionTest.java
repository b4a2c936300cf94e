package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class EnumAddValueInTransactionTest {
    private final EnumAddValueInTransaction rule = new EnumAddValueInTransaction();

    @Test
    void errAddValueInATransactionBefore12() {
        assertThat(RuleCheck.where(rule, 11, "alter type status add value 'shipped';"))
                .containsExactly("V1.sql:1:19 enum-add-value-in-transaction");
        assertThat(RuleCheck.run(rule, 11, "ALTER TYPE shop.status ADD VALUE IF NOT EXISTS 'shipped' AFTER 'paid';")
                        .get(0)
                        .message())
                .startsWith("before PostgreSQL 12, ALTER TYPE … ADD VALUE cannot run inside a transaction block");
    }

    @Test
    void okFrom12() {
        assertThat(RuleCheck.where(rule, 12, "alter type status add value 'shipped';"))
                .isEmpty();
    }

    @Test
    void okTypeCreatedInTheSameTransaction() {
        assertThat(RuleCheck.where(
                        rule, 11, "create type status as enum ('new');\nalter type status add value 'shipped';"))
                .isEmpty();
    }

    @Test
    void okOtherAlterType() {
        assertThat(RuleCheck.where(rule, 11, "alter type status rename value 'sent' to 'shipped';"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 11, "alter type address add attribute zip text;"))
                .isEmpty();
    }

    @Test
    void anAlterTypeWithoutANameIsNoCrash() {
        // Regression: with no type name after ALTER TYPE, the rule read the token before the statement.
        assertThat(RuleCheck.where(rule, 11, "alter type")).isEmpty();
    }

    @Test
    void errNewValueUsedInTheSameTransactionFrom12() {
        String sql = "alter type status add value 'shipped';\nupdate orders set status = 'shipped' where id = 1;";
        assertThat(RuleCheck.where(rule, 17, sql)).containsExactly("V1.sql:1:19 enum-add-value-in-transaction");
        assertThat(RuleCheck.run(rule, 17, sql).get(0).message()).contains("'shipped' is used at line 2");
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter type status add value 'shipped';",
                        "update orders set status = 'shipped' where id = 1;"))
                .isEmpty();
    }
}
