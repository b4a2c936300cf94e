package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillStatementsTest {
    private static final Action.Backfill ORDERS = new Action.Backfill(
            "public",
            "orders",
            List.of("region", "id"),
            List.of("text", "bigint"),
            List.of(
                    new Action.Fill("_keel_new_amount", "amount::bigint * 100"),
                    new Action.Fill("_keel_new_status", "'new'")));

    private final BackfillStatements sql = new BackfillStatements(ORDERS);

    @Test
    void theUpperBoundOrdersByTheKeyItselfNotByItsText() {
        assertThat(sql.upperBound(true))
                .isEqualTo("SELECT t.\"region\"::text, t.\"id\"::text FROM \"public\".\"orders\" t"
                        + " WHERE (\"region\", \"id\") > (?::text, ?::bigint) ORDER BY t.\"region\", t.\"id\""
                        + " OFFSET ? LIMIT 1");
        assertThat(sql.upperBound(false)).doesNotContain("WHERE");
    }

    @Test
    void aDirectUpdateSetsEveryFillOverARange() {
        assertThat(sql.update(true, true, true))
                .isEqualTo("UPDATE \"public\".\"orders\" SET \"_keel_new_amount\" = (amount::bigint * 100),"
                        + " \"_keel_new_status\" = ('new') WHERE (\"region\", \"id\") > (?::text, ?::bigint)"
                        + " AND (\"region\", \"id\") <= (?::text, ?::bigint)");
    }

    @Test
    void throughTheTriggerTheUpdateTouchesAFilledColumnWhichAnIdentityKeyWouldRefuse() {
        assertThat(sql.update(false, false, true))
                .isEqualTo("UPDATE \"public\".\"orders\" SET \"_keel_new_amount\" = \"_keel_new_amount\""
                        + " WHERE (\"region\", \"id\") <= (?::text, ?::bigint)");
        BackfillStatements keyOnly = new BackfillStatements(
                new Action.Backfill("public", "orders", List.of("id"), List.of("bigint"), List.of()));
        assertThat(keyOnly.update(false, false, false)).isEqualTo("UPDATE \"public\".\"orders\" SET \"id\" = \"id\"");
    }

    @Test
    void theLastBatchIsOpenEnded() {
        assertThat(sql.update(true, true, false)).endsWith("WHERE (\"region\", \"id\") > (?::text, ?::bigint)");
        assertThat(sql.update(true, false, false)).doesNotContain("WHERE");
    }

    @Test
    void theProbePlansTheDirectUpdateWithoutTouchingARow() {
        assertThat(sql.probe()).startsWith("EXPLAIN UPDATE").endsWith(" WHERE false");
    }

    @Test
    void aCopyInsertsTheRangeIntoTheNewTableLockingItsKeysAndKeepingWhatTheTriggerWrote() {
        BackfillStatements copy = new BackfillStatements(new Action.Backfill(
                "public",
                "events",
                List.of("id", "at"),
                List.of("bigint", "timestamptz"),
                List.of(),
                new Action.Copy("events_keel_part", List.of("id", "at", "note"), true),
                false));
        assertThat(copy.update(false, true, true))
                .isEqualTo("INSERT INTO \"public\".\"events_keel_part\" (\"id\", \"at\", \"note\") OVERRIDING SYSTEM"
                        + " VALUE SELECT \"id\", \"at\", \"note\" FROM \"public\".\"events\" WHERE (\"id\", \"at\")"
                        + " > (?::bigint, ?::timestamptz) AND (\"id\", \"at\") <= (?::bigint, ?::timestamptz)"
                        + " FOR KEY SHARE ON CONFLICT DO NOTHING");
    }
}
