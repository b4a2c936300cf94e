package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class ValidateInSameTransactionTest {
    private final ValidateInSameTransaction rule = new ValidateInSameTransaction();

    @Test
    void errValidateRightAfterNotValid() {
        String sql =
                "alter table orders add constraint positive check (total >= 0) not valid;\nalter table orders validate constraint positive;";
        assertThat(RuleCheck.where(rule, 17, sql)).containsExactly("V1.sql:2:20 validate-in-same-transaction");
        var finding = RuleCheck.run(rule, 17, sql).get(0);
        assertThat(finding.message())
                .isEqualTo("positive was added NOT VALID at line 1 of this file, so the validation scans orders "
                        + "while the ADD's ACCESS EXCLUSIVE lock on orders is still held: NOT VALID gains nothing");
        assertThat(finding.fix()).startsWith("VALIDATE CONSTRAINT positive in a later migration file");
    }

    @Test
    void errForeignKeyNamesBothTables() {
        assertThat(RuleCheck.run(rule, 17, """
                ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;
                """).get(0).message()).contains("SHARE ROW EXCLUSIVE lock on both tables");
    }

    @Test
    void okValidateInALaterFile() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table orders add constraint positive check (total >= 0) not valid;",
                        "alter table orders validate constraint positive;"))
                .isEmpty();
    }

    @Test
    void okValidatingAnotherConstraint() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table orders add constraint positive check (total >= 0) not valid;\n"
                                + "alter table orders validate constraint older_one;"))
                .isEmpty();
    }
}
