package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class PreferTextTest {
    private final PreferText rule = new PreferText();

    @Test
    void errVarcharWithALength() {
        assertThat(RuleCheck.where(rule, 17, "create table t (a varchar(40), b character varying(10), c varchar);"))
                .containsExactly("V1.sql:1:19 prefer-text", "V1.sql:1:34 prefer-text");
        var finding = RuleCheck.run(rule, 17, "alter table orders add column note varchar(200);")
                .get(0);
        assertThat(finding.message())
                .startsWith(
                        "note is varchar(n): changing the limit later is an ALTER COLUMN TYPE under an ACCESS EXCLUSIVE lock on orders");
        assertThat(finding.fix()).contains("CHECK (char_length(note) <= n)");
    }

    @Test
    void errChangingAColumnToVarchar() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders alter column note type varchar(200);"))
                .containsExactly("V1.sql:1:43 prefer-text");
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "alter table orders alter note set data type pg_catalog.varchar(200) using note::varchar(200);"))
                .hasSize(1);
    }

    @Test
    void anUnclosedColumnListIsNoCrash() {
        // Regression: a CREATE TABLE cut off right after "(" made the column list's bounds cross.
        assertThat(RuleCheck.where(rule, 17, "create table t (")).isEmpty();
        assertThat(RuleCheck.where(rule, 17, "create table t (a varchar(4")).hasSize(1);
    }

    @Test
    void okTextAndUnboundedVarchar() {
        assertThat(RuleCheck.where(
                        rule, 17, "create table t (a text check (char_length(a) <= 40), b varchar, c varchar[]);"))
                .isEmpty();
    }
}
