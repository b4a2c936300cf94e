package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class PreferTimestamptzTest {
    private final PreferTimestamptz rule = new PreferTimestamptz();

    @Test
    void errTimestampWithoutTimeZone() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "create table t (created_at timestamp, updated_at timestamp(3) without time zone, seen_at timestamptz);"))
                .containsExactly("V1.sql:1:28 prefer-timestamptz", "V1.sql:1:50 prefer-timestamptz");
        assertThat(RuleCheck.run(rule, 17, "alter table orders add column shipped_at timestamp default now();")
                        .get(0)
                        .message())
                .startsWith("shipped_at is timestamp without time zone: it stores a wall-clock time, not an instant");
    }

    @Test
    void errChangingAColumnToTimestamp() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders alter column shipped_at type timestamp;"))
                .hasSize(1);
    }

    @Test
    void okTimestamptz() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "create table t (a timestamptz, b timestamp with time zone, c timestamp(3) with time zone, d date);"))
                .isEmpty();
    }
}
