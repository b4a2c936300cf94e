package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class DetachPartitionWithoutConcurrentlyTest {
    private final DetachPartitionWithoutConcurrently rule = new DetachPartitionWithoutConcurrently();

    @Test
    void warnPlainDetach() {
        assertThat(RuleCheck.where(rule, 17, "ALTER TABLE events DETACH PARTITION events_2020;"))
                .containsExactly("V1.sql:1:20 detach-partition-without-concurrently");
    }

    @Test
    void okConcurrentlyOrFinalize() {
        assertThat(RuleCheck.where(rule, 17, "ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "ALTER TABLE events DETACH PARTITION events_2020 FINALIZE;"))
                .isEmpty();
    }

    @Test
    void okOnATableTheMigrationsCreate() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\n"
                                + "ALTER TABLE events DETACH PARTITION events_2020;"))
                .isEmpty();
    }

    @Test
    void theFixDependsOnTheVersion() {
        String sql = "ALTER TABLE events DETACH PARTITION events_2020;";
        assertThat(RuleCheck.run(rule, 17, sql).get(0).fix())
                .startsWith("ALTER TABLE events DETACH PARTITION …" + " CONCURRENTLY");
        assertThat(RuleCheck.run(rule, 13, sql).get(0).fix()).startsWith("DETACH … CONCURRENTLY needs PostgreSQL 14");
        assertThat(RuleCheck.run(rule, 17, sql).get(0).message())
                .startsWith("DETACH PARTITION takes an ACCESS EXCLUSIVE lock on events");
    }
}
