package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class PreferTextOverCharTest {
    private final PreferTextOverChar rule = new PreferTextOverChar();

    @Test
    void errCharWithAndWithoutLength() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create table t (code char(2), flag char, kind \"char\", name character varying(5));"))
                .containsExactly("V1.sql:1:22 prefer-text-over-char", "V1.sql:1:36 prefer-text-over-char");
        assertThat(RuleCheck.run(rule, 17, "create table t (flag char);").get(0).message())
                .startsWith("flag is char (that is, char(1)): values are padded");
    }

    @Test
    void errCharacterInAddAndAlterColumn() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column country character(2);"))
                .hasSize(1);
        assertThat(RuleCheck.run(rule, 17, "alter table orders alter column country type bpchar(3);")
                        .get(0)
                        .message())
                .startsWith("country is bpchar(n)");
    }

    @Test
    void okTextAndVarchar() {
        assertThat(RuleCheck.where(rule, 17, "create table t (a text, b char varying(3), c varchar(3), d \"char\");"))
                .isEmpty();
    }
}
