package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class DdlAndDmlInOneTransactionTest {
    private final DdlAndDmlInOneTransaction rule = new DdlAndDmlInOneTransaction();

    @Test
    void errBackfillAfterAlterTable() {
        String sql = "alter table orders add column status text;\nupdate orders set status = 'new';";
        assertThat(RuleCheck.where(rule, 17, sql)).containsExactly("V1.sql:2:1 ddl-and-dml-in-one-transaction");
        assertThat(RuleCheck.run(rule, 17, sql).get(0).message())
                .isEqualTo(
                        "the ACCESS EXCLUSIVE lock ALTER TABLE took on orders at line 1 "
                                + "is held until this file commits, so it blocks every read and write on orders for as long as this UPDATE runs");
    }

    @Test
    void errInsertSelectAfterCreateIndex() {
        String sql =
                "create index orders_status on orders (status);\ninsert into orders_archive select * from orders where done;";
        assertThat(RuleCheck.run(rule, 17, sql).get(0).message())
                .startsWith("the SHARE lock CREATE INDEX took on orders at line 1");
    }

    @Test
    void errAlterTableAfterABackfill() {
        String sql = "update orders set total = 0 where id < 10;\nalter table orders add column status text;";
        assertThat(RuleCheck.where(rule, 17, sql)).containsExactly("V1.sql:2:1 ddl-and-dml-in-one-transaction");
        assertThat(RuleCheck.run(rule, 17, sql).get(0).message())
                .contains("the UPDATE of orders at line 1")
                .contains("rolled back with it");
    }

    @Test
    void okInSeparateFiles() {
        assertThat(RuleCheck.where(
                        rule, 17, "alter table orders add column status text;", "update orders set status = 'new';"))
                .isEmpty();
    }

    @Test
    void okInsertValuesAndNewTables() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "alter table orders add column status text;\ninsert into orders (id, status) values (1, 'new');"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule, 17, "create table t (x int);\nalter table t add column y int;\nupdate t set y = x;"))
                .isEmpty();
    }
}
