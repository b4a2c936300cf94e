package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRangeUseTest {
    private static TimeRangeUse.Statement s(long id, String query, long calls) {
        return new TimeRangeUse.Statement(id, query, calls);
    }

    @Test
    void rangeReadsAndOldRowDeletesAreCountedPerColumn() {
        var uses = TimeRangeUse.of(
                "public",
                "events",
                List.of("created_at", "seen_on"),
                List.of(
                        s(1, "SELECT * FROM events WHERE created_at >= $1 AND created_at < $2", 10),
                        s(2, "select count(*) from public.events e where e.created_at between $1 and $2", 5),
                        s(3, "DELETE FROM events WHERE created_at < now() - $1::interval", 2),
                        s(4, "SELECT * FROM events WHERE id = $1", 100),
                        s(5, "SELECT * FROM events_archive WHERE created_at > $1", 50),
                        s(6, "DELETE FROM events WHERE created_at > $1", 7),
                        s(7, "UPDATE events SET seen_on = $1 WHERE seen_on < $2", 9)));

        assertThat(uses.get("created_at").rangeReadCalls()).isEqualTo(15);
        assertThat(uses.get("created_at").oldRowDeleteCalls())
                .as("only deletes of rows before a time")
                .isEqualTo(2);
        assertThat(uses.get("created_at").queryIds()).containsExactly(1L, 2L, 3L);
        assertThat(uses.get("seen_on").any()).as("updates are neither").isFalse();
        assertThat(TimeRangeUse.best(uses).column()).isEqualTo("created_at");
    }

    @Test
    void deletesOfOldRowsWinOverMoreRangeReads() {
        var uses = TimeRangeUse.of(
                "public",
                "events",
                List.of("created_at", "seen_on"),
                List.of(
                        s(1, "SELECT * FROM events WHERE seen_on >= $1", 1000),
                        s(2, "DELETE FROM events WHERE created_at <= $1", 1)));
        assertThat(TimeRangeUse.best(uses).column()).isEqualTo("created_at");
        assertThat(TimeRangeUse.best(TimeRangeUse.of("public", "events", List.of("created_at"), List.of())))
                .isNull();
    }
}
