package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class PreferJsonbTest {
    private final PreferJsonb rule = new PreferJsonb();

    @Test
    void errJsonColumn() {
        assertThat(RuleCheck.where(rule, 17, "create table t (payload json, meta jsonb);"))
                .containsExactly("V1.sql:1:25 prefer-jsonb");
        var finding = RuleCheck.run(rule, 17, "alter table events add column payload json not null default '{}';")
                .get(0);
        assertThat(finding.message()).startsWith("payload is json: every access parses the text again");
        assertThat(finding.fix()).startsWith("declare it jsonb");
    }

    @Test
    void errJsonArrayAndRetype() {
        assertThat(RuleCheck.where(rule, 17, "create table t (payloads json[]);"))
                .hasSize(1);
        assertThat(RuleCheck.where(rule, 17, "alter table events alter column payload type json using payload::json;"))
                .hasSize(1);
    }

    @Test
    void okJsonb() {
        assertThat(RuleCheck.where(rule, 17, "create table t (payload jsonb, raw text);"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule, 17, "alter table events alter column payload type jsonb using payload::jsonb;"))
                .isEmpty();
    }
}
