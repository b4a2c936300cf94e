package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class RequireConcurrentIndexDeletionTest {
    private final RequireConcurrentIndexDeletion rule = new RequireConcurrentIndexDeletion();

    @Test
    void errDropIndex() {
        assertThat(RuleCheck.where(rule, 17, "drop index orders_status;"))
                .containsExactly("V1.sql:1:1 require-concurrent-index-deletion");
        assertThat(RuleCheck.where(rule, 17, "select 1;\n  DROP INDEX IF EXISTS shop.orders_status CASCADE;"))
                .containsExactly("V1.sql:2:3 require-concurrent-index-deletion");
    }

    @Test
    void theMessageSaysWhichLockAndTheFix() {
        var finding = RuleCheck.run(rule, 17, "drop index orders_status;").get(0);
        assertThat(finding.message())
                .startsWith("DROP INDEX orders_status takes an ACCESS EXCLUSIVE lock on the index's table");
        assertThat(finding.fix()).startsWith("DROP INDEX CONCURRENTLY");
    }

    @Test
    void okConcurrently() {
        assertThat(RuleCheck.where(rule, 17, "drop index concurrently if exists orders_status;"))
                .isEmpty();
    }

    @Test
    void okAnIndexTheCheckedFilesCreated() {
        assertThat(RuleCheck.where(
                        rule, 17, "create index orders_status on orders (status);", "drop index orders_status;"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create unique index concurrently if not exists u on orders (id);\ndrop index public.u;"))
                .isEmpty();
    }

    @Test
    void errNamesOnlyTheIndexesThatWereThereBefore() {
        var finding = RuleCheck.run(rule, 17, "create index a on t (x);\ndrop index a, b;")
                .get(0);
        assertThat(finding.message()).startsWith("DROP INDEX b takes");
        assertThat(finding.line()).isEqualTo(2);
    }

    @Test
    void okOtherDrops() {
        assertThat(RuleCheck.where(rule, 17, "drop table orders;\ndrop view order_totals;"))
                .isEmpty();
    }
}
