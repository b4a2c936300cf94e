package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class PreferIdentityTest {
    private final PreferIdentity rule = new PreferIdentity();

    @Test
    void errSerialInCreateTable() {
        assertThat(RuleCheck.where(rule, 17, "create table t (id bigserial primary key, n serial);"))
                .containsExactly("V1.sql:1:20 prefer-identity", "V1.sql:1:45 prefer-identity");
        assertThat(RuleCheck.run(rule, 17, "create table t (id bigserial primary key);")
                        .get(0)
                        .fix())
                .startsWith("declare it bigint GENERATED ALWAYS AS IDENTITY");
        assertThat(RuleCheck.run(rule, 17, "create table t (n smallserial);")
                        .get(0)
                        .fix())
                .startsWith("declare it smallint GENERATED");
    }

    @Test
    void okIdentityColumn() {
        assertThat(RuleCheck.where(rule, 17, "create table t (id bigint generated always as identity primary key);"))
                .isEmpty();
    }

    @Test
    void okAddColumnIsLeftToAddingSerialColumn() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column n bigserial;"))
                .isEmpty();
    }
}
