package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import dev.keel.check.Severity;
import org.junit.jupiter.api.Test;

class LockTableTest {
    private final LockTable rule = new LockTable();

    @Test
    void errLockTableDefaultsToAccessExclusive() {
        assertThat(RuleCheck.where(rule, 17, "alter table t add column x int;\n  lock table orders;"))
                .containsExactly("V1.sql:2:3 lock-table");
        var finding = RuleCheck.run(rule, 17, "lock table orders;").get(0);
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message())
                .isEqualTo("LOCK TABLE takes ACCESS EXCLUSIVE on orders and holds it until the migration commits: "
                        + "until then it blocks every read and write from other sessions");
    }

    @Test
    void errLockTableInAMilderMode() {
        assertThat(RuleCheck.run(rule, 17, "LOCK ONLY orders, customers IN SHARE ROW EXCLUSIVE MODE NOWAIT;")
                        .get(0)
                        .message())
                .startsWith("LOCK TABLE takes SHARE ROW EXCLUSIVE on orders, customers")
                .endsWith("it blocks every write from other sessions");
    }

    @Test
    void okOnANewTable() {
        assertThat(RuleCheck.where(rule, 17, "create table t (id bigint);\nlock table t in exclusive mode;"))
                .isEmpty();
    }
}
