package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class PreferBigintTest {
    private final PreferBigint rule = new PreferBigint();

    @Test
    void errIntegerKeysInCreateTable() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create table orders (id integer primary key, user_id int references users, note text);"))
                .containsExactly("V1.sql:1:25 prefer-bigint", "V1.sql:1:54 prefer-bigint");
        assertThat(RuleCheck.run(rule, 17, "create table orders (id integer primary key);")
                        .get(0)
                        .message())
                .isEqualTo(
                        "the key column id is integer, which runs out at 2,147,483,647: widening it later rewrites orders and its indexes under"
                                + " an ACCESS EXCLUSIVE lock");
    }

    @Test
    void errKeysNamedByTableConstraints() {
        assertThat(RuleCheck.where(rule, 17, """
                create table line (order_no int, pos smallint, product int,
                  primary key (order_no, pos), foreign key (product) references products);
                """)).hasSize(3);
        assertThat(RuleCheck.run(rule, 17, "create table t (code smallserial primary key);")
                        .get(0)
                        .message())
                .contains("32,767");
    }

    @Test
    void errIntegerKeyInAddColumn() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column customer_id int4;"))
                .containsExactly("V1.sql:1:43 prefer-bigint");
    }

    @Test
    void okBigintKeysAndIntegerData() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "create table t (id bigint generated always as identity primary key, qty int, user_id bigint references users);"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column quantity integer;"))
                .isEmpty();
    }
}
