package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class ReindexWithoutConcurrentlyTest {
    private final ReindexWithoutConcurrently rule = new ReindexWithoutConcurrently();

    @Test
    void errReindexIndex() {
        assertThat(RuleCheck.where(rule, 17, "reindex index orders_pkey;"))
                .containsExactly("V1.sql:1:1 reindex-without-concurrently");
        var finding = RuleCheck.run(rule, 17, "reindex index orders_pkey;").get(0);
        assertThat(finding.message())
                .contains("index orders_pkey")
                .contains("SHARE lock")
                .contains("ACCESS EXCLUSIVE");
        assertThat(finding.fix()).startsWith("REINDEX INDEX CONCURRENTLY orders_pkey in a migration file of its own");
    }

    @Test
    void errEveryKind() {
        assertThat(RuleCheck.where(rule, 17, "REINDEX TABLE shop.orders;")).hasSize(1);
        assertThat(RuleCheck.where(rule, 17, "reindex schema shop;")).hasSize(1);
        assertThat(RuleCheck.where(rule, 17, "reindex database app;")).hasSize(1);
        assertThat(RuleCheck.where(rule, 17, "reindex (verbose) table orders;")).hasSize(1);
    }

    @Test
    void okConcurrently() {
        assertThat(RuleCheck.where(rule, 17, "reindex index concurrently orders_pkey;"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "REINDEX (VERBOSE) TABLE CONCURRENTLY orders;"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "reindex (concurrently) table orders;"))
                .isEmpty();
    }

    @Test
    void errConcurrentlyTurnedOff() {
        assertThat(RuleCheck.where(rule, 17, "reindex (concurrently false) table orders;"))
                .hasSize(1);
    }

    @Test
    void errBefore12TheFixBuildsAReplacement() {
        var finding = RuleCheck.run(rule, 11, "reindex index orders_pkey;").get(0);
        assertThat(finding.fix())
                .contains("no REINDEX CONCURRENTLY")
                .contains("CREATE INDEX CONCURRENTLY")
                .contains("DROP INDEX CONCURRENTLY")
                .contains("RENAME");
    }

    @Test
    void okOnATableTheMigrationsCreated() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create table t (x int);\ncreate index t_x on t (x);\nreindex table t;\nreindex index t_x;"))
                .isEmpty();
    }

    @Test
    void errAnIndexTheMigrationsBuiltOnAnExistingTable() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create index concurrently orders_status on orders (status);",
                        "reindex index orders_status;"))
                .containsExactly("V2.sql:1:1 reindex-without-concurrently");
    }
}
