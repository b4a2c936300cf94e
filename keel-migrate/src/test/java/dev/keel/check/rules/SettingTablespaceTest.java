package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class SettingTablespaceTest {
    private final SettingTablespace rule = new SettingTablespace();

    @Test
    void errTableSetTablespace() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders set tablespace fast;"))
                .containsExactly("V1.sql:1:20 setting-tablespace");
        assertThat(RuleCheck.run(rule, 17, "alter table orders set tablespace fast;")
                        .get(0)
                        .message())
                .isEqualTo(
                        "SET TABLESPACE copies all of orders to the new tablespace under an ACCESS EXCLUSIVE lock: every read and write waits"
                                + " until the copy is done");
    }

    @Test
    void errIndexSetTablespace() {
        assertThat(RuleCheck.where(rule, 17, "alter index orders_status_idx set tablespace fast;"))
                .containsExactly("V1.sql:1:31 setting-tablespace");
        assertThat(RuleCheck.run(rule, 17, "alter index if exists orders_status_idx set tablespace fast;")
                        .get(0)
                        .fix())
                .startsWith("REINDEX (TABLESPACE");
        assertThat(RuleCheck.run(rule, 13, "alter index orders_status_idx set tablespace fast;")
                        .get(0)
                        .fix())
                .startsWith("CREATE INDEX CONCURRENTLY");
    }

    @Test
    void errAllInTablespace() {
        assertThat(RuleCheck.where(rule, 17, "ALTER INDEX ALL IN TABLESPACE slow SET TABLESPACE fast;"))
                .containsExactly("V1.sql:1:1 setting-tablespace");
        assertThat(RuleCheck.where(
                        rule, 17, "alter table all in tablespace slow owned by app set tablespace fast nowait;"))
                .hasSize(1);
    }

    @Test
    void okOnANewTableAndItsIndex() {
        assertThat(RuleCheck.where(rule, 17, """
                create table t (id bigint);
                create index t_id on t (id);
                alter table t set tablespace fast;
                alter index t_id set tablespace fast;
                """)).isEmpty();
    }

    @Test
    void okOtherAlterations() {
        assertThat(RuleCheck.where(rule, 17, "alter index orders_status_idx rename to orders_state_idx;"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "alter table orders set (fillfactor = 70);"))
                .isEmpty();
    }
}
