package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class MultipleAlterTableTest {
    private final MultipleAlterTable rule = new MultipleAlterTable();

    @Test
    void errSecondAlterOfTheSameTable() {
        String sql = "alter table orders add column status text;\nalter table orders alter column total type bigint;";
        assertThat(RuleCheck.where(rule, 17, sql)).containsExactly("V1.sql:2:1 multiple-alter-table");
        var finding = RuleCheck.run(rule, 17, sql).get(0);
        assertThat(finding.message())
                .startsWith(
                        "orders was already altered at line 1: its ACCESS EXCLUSIVE lock is held until this file commits");
        assertThat(finding.fix()).startsWith("combine the actions into one statement: ALTER TABLE orders");
    }

    @Test
    void errRenameAndSetNotNullCountAsAccessExclusive() {
        assertThat(RuleCheck.where(rule, 17, """
                alter table orders rename column total to total_cents;
                alter table orders alter column total_cents set not null;
                alter table shop.orders drop column legacy;
                """))
                .containsExactly("V1.sql:2:1 multiple-alter-table", "V1.sql:3:1 multiple-alter-table");
    }

    @Test
    void okWhenOneTakesAMilderLock() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "alter table orders add column status text;\nalter table orders validate constraint orders_user_fk;"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table orders add constraint fk foreign key (user_id) references users not valid;\n"
                                + "alter table orders add column note text;"))
                .isEmpty();
    }

    @Test
    void okDifferentTablesOrFiles() {
        assertThat(RuleCheck.where(
                        rule, 17, "alter table orders add column a text;\nalter table customers add column b text;"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule, 17, "alter table orders add column a text;", "alter table orders add column b text;"))
                .isEmpty();
    }

    @Test
    void okOnANewTable() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "create table t (id bigint);\nalter table t add column a text;\nalter table t add column b text;"))
                .isEmpty();
    }

    @Test
    void aCatalogOnlyPairIsNotSaidToMakeAPass() {
        var finding = RuleCheck.run(rule, 17, """
                ALTER TABLE orders ADD COLUMN note text;
                ALTER TABLE orders ADD COLUMN tag text DEFAULT 'none', ALTER COLUMN status SET DEFAULT 'new';
                """).get(0);
        assertThat(finding.message()).doesNotContain("makes its own pass").contains("only change the catalog");
        assertThat(finding.fix()).doesNotContain("rewrite");
    }

    @Test
    void aPassIsClaimedOnlyWhenBothStatementsMakeOne() {
        assertThat(RuleCheck.run(rule, 17, """
                ALTER TABLE orders ALTER COLUMN total TYPE bigint;
                ALTER TABLE orders ALTER COLUMN user_id SET NOT NULL;
                """).get(0).message())
                .contains("each ALTER TABLE makes its own pass over the table");
        assertThat(RuleCheck.run(rule, 17, """
                ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
                ALTER TABLE orders ADD COLUMN note text;
                """).get(0).message()).contains("only change the catalog");
        assertThat(RuleCheck.run(rule, 17, """
                ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
                ALTER TABLE orders ADD COLUMN n bigserial;
                """).get(0).message()).contains("makes its own pass");
        assertThat(RuleCheck.run(rule, 10, """
                ALTER TABLE orders ADD COLUMN a int DEFAULT 0;
                ALTER TABLE orders ADD COLUMN b int DEFAULT 0;
                """).get(0).message()).contains("makes its own pass");
    }
}
