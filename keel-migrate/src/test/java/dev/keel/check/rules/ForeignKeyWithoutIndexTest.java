package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class ForeignKeyWithoutIndexTest {
    private final ForeignKeyWithoutIndex rule = new ForeignKeyWithoutIndex();

    @Test
    void errAddConstraintWithoutIndex() {
        String sql =
                "alter table orders add constraint orders_user_fk foreign key (user_id) references users not valid;";
        assertThat(RuleCheck.where(rule, 17, sql)).containsExactly("V1.sql:1:20 foreign-key-without-index");
        var finding = RuleCheck.run(rule, 17, sql).get(0);
        assertThat(finding.message())
                .isEqualTo(
                        "no index built by these migrations starts with orders (user_id): "
                                + "every DELETE on users (and every change of its key) scans all of orders for referencing rows");
        assertThat(finding.fix())
                .startsWith("CREATE INDEX CONCURRENTLY … ON orders (user_id) in a migration file of its own");
    }

    @Test
    void errReferencingColumns() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column user_id bigint references users;"))
                .containsExactly("V1.sql:1:46 foreign-key-without-index");
        var findings = RuleCheck.run(
                rule,
                17,
                "create table lines (id bigint primary key, order_id bigint not null references orders, product_id bigint references products);\n"
                        + "create index lines_order on lines (order_id);");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.column()).isEqualTo(106);
            assertThat(f.fix()).contains("in this migration (the table is new");
        });
    }

    @Test
    void errIndexLedByAnotherColumn() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create index concurrently orders_created_user on orders (created_at, user_id);",
                        "alter table orders add constraint fk foreign key (user_id) references users not valid;"))
                .hasSize(1);
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create index concurrently orders_user_lower on orders (lower(user_id));",
                        "alter table orders add constraint fk foreign key (user_id) references users not valid;"))
                .hasSize(1);
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create index concurrently orders_user_open on orders (user_id) where open;",
                        "alter table orders add constraint fk foreign key (user_id) references users not valid;"))
                .hasSize(1);
    }

    @Test
    void okIndexBuiltInAnEarlierFile() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create index concurrently orders_user on orders (user_id, created_at);",
                        "alter table orders add constraint fk foreign key (user_id) references users not valid;"))
                .isEmpty();
    }

    @Test
    void okIndexLaterInTheSameFileOrFromAKey() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "create table lines (order_id bigint references orders, pos int, primary key (order_id, pos));"))
                .isEmpty();
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "create table memberships (team_id bigint references teams, user_id bigint references users, "
                                        + "unique (user_id, team_id));\ncreate index memberships_team on memberships (team_id);"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "create table profiles (user_id bigint primary key references users);"))
                .isEmpty();
    }

    @Test
    void okMultiColumnKeyLeadingTheIndexInAnyOrder() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "create unique index concurrently s on shipments (line_no, order_id, at);",
                                "alter table shipments add foreign key (order_id, line_no) references lines (order_id, pos) not valid;"))
                .isEmpty();
    }
}
