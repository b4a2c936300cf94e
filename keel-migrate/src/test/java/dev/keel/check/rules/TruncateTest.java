package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class TruncateTest {
    private final Truncate rule = new Truncate();

    @Test
    void errTruncateAnExistingTable() {
        assertThat(RuleCheck.where(rule, 17, "select 1;\ntruncate table orders;"))
                .containsExactly("V1.sql:2:1 truncate");
        assertThat(RuleCheck.run(rule, 17, "truncate orders;").get(0).message())
                .isEqualTo("TRUNCATE deletes every row of orders under an ACCESS EXCLUSIVE lock");
    }

    @Test
    void errCascadeSaysWhatElseIsEmptied() {
        assertThat(RuleCheck.run(rule, 17, "TRUNCATE ONLY orders, shop.lines RESTART IDENTITY CASCADE;")
                        .get(0)
                        .message())
                .contains("of orders, shop.lines")
                .contains("CASCADE empties every table that references them");
    }

    @Test
    void okTruncateANewTable() {
        assertThat(RuleCheck.where(rule, 17, "create table staging (id bigint);", "truncate staging;"))
                .isEmpty();
    }

    @Test
    void errWhenOneOfTheTablesExists() {
        assertThat(RuleCheck.run(rule, 17, "create table staging (id bigint);\ntruncate staging, orders;")
                        .get(0)
                        .message())
                .contains("every row of orders under");
    }
}
