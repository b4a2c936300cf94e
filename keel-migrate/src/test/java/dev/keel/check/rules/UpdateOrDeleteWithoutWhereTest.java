package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class UpdateOrDeleteWithoutWhereTest {
    private final UpdateOrDeleteWithoutWhere rule = new UpdateOrDeleteWithoutWhere();

    @Test
    void errUpdateWithoutWhere() {
        assertThat(RuleCheck.where(rule, 17, "update orders set status = 'new';"))
                .containsExactly("V1.sql:1:1 update-or-delete-without-where");
        var finding =
                RuleCheck.run(rule, 17, "update orders set status = 'new';").get(0);
        assertThat(finding.message())
                .startsWith("UPDATE without WHERE changes every row of orders inside the migration");
        assertThat(finding.fix()).startsWith("backfill in batches outside the migration");
    }

    @Test
    void errDeleteWithoutWhere() {
        assertThat(RuleCheck.run(rule, 17, "delete from only shop.sessions;")
                        .get(0)
                        .message())
                .startsWith("DELETE without WHERE deletes every row of shop.sessions");
    }

    @Test
    void errAWhereInASubqueryRestrictsNothing() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "update orders set total = (select sum(c) from lines where lines.order_id = orders.id);"))
                .hasSize(1);
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "with moved as (select id from old_orders where done)\nupdate orders set archived = true;"))
                .containsExactly("V1.sql:2:1 update-or-delete-without-where");
    }

    @Test
    void okWithWhere() {
        assertThat(RuleCheck.where(rule, 17, "update orders set status = 'new' where status is null;"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule, 17, "delete from sessions s using users u where s.user_id = u.id and u.deleted;"))
                .isEmpty();
    }

    @Test
    void okOnANewTableAndForInsert() {
        assertThat(RuleCheck.where(rule, 17, "create table t (x int);\nupdate t set x = 1;\ndelete from t;"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "insert into orders select * from old_orders;"))
                .isEmpty();
    }
}
