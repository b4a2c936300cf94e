package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class AddingTriggerOrRuleTest {
    private final AddingTriggerOrRule rule = new AddingTriggerOrRule();

    @Test
    void errTriggerOnAnExistingTable() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "select 1;\ncreate trigger orders_audit after update on orders for each row execute function audit();"))
                .containsExactly("V1.sql:2:1 adding-trigger-or-rule");
        assertThat(RuleCheck.run(
                                rule,
                                17,
                                "create trigger orders_audit after update on orders for each row execute function audit();")
                        .get(0)
                        .message())
                .isEqualTo(
                        "CREATE TRIGGER takes a SHARE ROW EXCLUSIVE lock on orders, blocking every write while it waits and runs, "
                                + "and from then on every write to orders also runs the trigger");
    }

    @Test
    void errOrReplaceAndConstraintTriggers() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create or replace trigger t before insert or update of total, qty on shop.orders for each row execute function"
                                + " f();"))
                .hasSize(1);
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create constraint trigger t after insert on orders deferrable initially deferred for each row execute function"
                                + " f();"))
                .hasSize(1);
    }

    @Test
    void errRuleOnAnExistingTable() {
        assertThat(RuleCheck.run(rule, 17, "create rule orders_no_delete as on delete to orders do instead nothing;")
                        .get(0)
                        .message())
                .startsWith("CREATE RULE takes an ACCESS EXCLUSIVE lock on orders, blocking every read and write");
    }

    @Test
    void okOnANewTable() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "create table t (id bigint);\ncreate trigger t_audit after update on t for each row execute function audit();"))
                .isEmpty();
    }

    @Test
    void okEventTrigger() {
        assertThat(RuleCheck.where(rule, 17, "create event trigger no_drops on sql_drop execute function forbid();"))
                .isEmpty();
    }
}
