package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class VacuumFullTest {
    private final VacuumFull rule = new VacuumFull();

    @Test
    void errVacuumFullOfATable() {
        assertThat(RuleCheck.where(rule, 17, "vacuum full orders;")).containsExactly("V1.sql:1:8 vacuum-full");
        assertThat(RuleCheck.where(rule, 17, "vacuum (full, analyze) orders;"))
                .containsExactly("V1.sql:1:9 vacuum-full");
        assertThat(RuleCheck.where(rule, 17, "VACUUM (VERBOSE, FULL true) shop.orders;"))
                .containsExactly("V1.sql:1:18 vacuum-full");
        assertThat(RuleCheck.run(rule, 17, "vacuum full verbose orders, customers;")
                        .get(0)
                        .message())
                .isEqualTo(
                        "VACUUM FULL rewrites all of orders, customers under an ACCESS EXCLUSIVE lock: every read and write waits until the copy"
                                + " is done");
    }

    @Test
    void errVacuumFullOfTheWholeDatabase() {
        assertThat(RuleCheck.run(rule, 17, "vacuum full;").get(0).message()).contains("every table of the database");
    }

    @Test
    void okPlainVacuum() {
        assertThat(RuleCheck.where(rule, 17, "vacuum analyze orders;")).isEmpty();
        assertThat(RuleCheck.where(rule, 17, "vacuum (full false, analyze) orders;"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "vacuum (analyze) orders (status);"))
                .isEmpty();
    }

    @Test
    void okOnANewTable() {
        assertThat(RuleCheck.where(rule, 17, "create table t (id bigint);", "vacuum full t;"))
                .isEmpty();
    }
}
