package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class AddingStoredGeneratedColumnTest {
    private final AddingStoredGeneratedColumn rule = new AddingStoredGeneratedColumn();

    @Test
    void errStoredGeneratedColumnOnAnExistingTable() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "alter table orders add column total_cents bigint generated always as (qty * price_cents) stored;"))
                .containsExactly("V1.sql:1:50 adding-stored-generated-column");
        var finding = RuleCheck.run(
                        rule,
                        17,
                        "alter table orders add total_cents bigint generated always as (qty * price_cents) stored;")
                .get(0);
        assertThat(finding.message()).contains("rewrites all of orders under an ACCESS EXCLUSIVE lock");
        assertThat(finding.fix()).contains("trigger").contains("batches");
    }

    @Test
    void errSuggestsAVirtualColumnFrom18() {
        assertThat(RuleCheck.run(
                                rule,
                                18,
                                "alter table orders add column total bigint generated always as (qty * price) stored;")
                        .get(0)
                        .fix())
                .contains("VIRTUAL");
    }

    @Test
    void okVirtualGeneratedColumn() {
        assertThat(RuleCheck.where(
                        rule,
                        18,
                        "alter table orders add column total bigint generated always as (qty * price) virtual;"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule, 18, "alter table orders add column total bigint generated always as (qty * price);"))
                .isEmpty();
    }

    @Test
    void okIdentityAndPlainColumns() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column note text;"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column n bigint generated always as identity;"))
                .isEmpty();
    }

    @Test
    void okOnANewTable() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create table orders (qty int, price int, total int generated always as (qty * price) stored);",
                        "alter table orders add column double_total int generated always as (2 * qty * price) stored;"))
                .isEmpty();
    }
}
