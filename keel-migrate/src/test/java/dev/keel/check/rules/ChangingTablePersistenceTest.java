package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class ChangingTablePersistenceTest {
    private final ChangingTablePersistence rule = new ChangingTablePersistence();

    @Test
    void errSetUnlogged() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders set unlogged;"))
                .containsExactly("V1.sql:1:20 changing-table-persistence");
        assertThat(RuleCheck.run(rule, 17, "alter table orders set unlogged;")
                        .get(0)
                        .message())
                .contains("rewrites all of orders under an ACCESS EXCLUSIVE lock")
                .contains("crash");
    }

    @Test
    void errSetLogged() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders set logged, add column x int;"))
                .containsExactly("V1.sql:1:20 changing-table-persistence");
        assertThat(RuleCheck.run(rule, 17, "ALTER TABLE IF EXISTS shop.orders SET LOGGED;")
                        .get(0)
                        .message())
                .contains("WAL");
    }

    @Test
    void okOtherSetActions() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders set (fillfactor = 70);"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "alter table orders set schema archive;"))
                .isEmpty();
    }

    @Test
    void okOnANewTable() {
        assertThat(RuleCheck.where(
                        rule, 17, "create unlogged table staging (id bigint);\nalter table staging set logged;"))
                .isEmpty();
    }
}
