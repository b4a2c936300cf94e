package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class AddingFieldWithVolatileDefaultTest {
    private final AddingFieldWithVolatileDefault rule = new AddingFieldWithVolatileDefault();

    @Test
    void errVolatileDefault() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column token uuid default gen_random_uuid();"))
                .containsExactly("V1.sql:1:42 adding-field-with-volatile-default");
        assertThat(RuleCheck.run(rule, 17, "alter table orders add column r float8 default random();").get(0).message())
                .contains("random()").contains("rewrites all of orders");
    }

    @Test
    void okConstantOrStableDefaultSince11() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column status text not null default 'new';")).isEmpty();
        assertThat(RuleCheck.where(rule, 11, "alter table orders add column created_at timestamptz default now();")).isEmpty();
    }

    @Test
    void errAnyDefaultBefore11() {
        assertThat(RuleCheck.where(rule, 10, "alter table orders add column status text default 'new';")).hasSize(1);
    }

    @Test
    void okOnANewTable() {
        assertThat(RuleCheck.where(rule, 17, "create table t (id int);\nalter table t add column u uuid default gen_random_uuid();")).isEmpty();
    }
}
