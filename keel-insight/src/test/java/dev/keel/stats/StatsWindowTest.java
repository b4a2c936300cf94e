package dev.keel.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When the older snapshot still subtracts, and what the notes say when it does not. */
class StatsWindowTest {
    private static final OffsetDateTime BOOT = OffsetDateTime.of(2025, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime RESET = BOOT.plusMinutes(1);

    private static Snapshot snapshot(long id, OffsetDateTime at, OffsetDateTime started, OffsetDateTime reset) {
        return new Snapshot(id, at, started, reset, null, 170000, 10, 2, 3);
    }

    @Test
    void sameServerRunAndResetSubtractsTheOlderSnapshotWithoutNotes() {
        Snapshot older = snapshot(1, BOOT.plusHours(1), BOOT, RESET);
        Snapshot newer = snapshot(2, BOOT.plusHours(2), BOOT, RESET);

        StatsWindow window = StatsWindow.between(older, newer);

        assertThat(window.fromZero()).isFalse();
        assertThat(window.start()).isEqualTo(older.takenAt());
        assertThat(window.end()).isEqualTo(newer.takenAt());
        assertThat(window.notes()).isEmpty();
    }

    @Test
    void aResetBetweenCountsFromTheReset() {
        OffsetDateTime laterReset = BOOT.plusMinutes(90);
        StatsWindow window = StatsWindow.between(
                snapshot(1, BOOT.plusHours(1), BOOT, RESET), snapshot(2, BOOT.plusHours(2), BOOT, laterReset));

        assertThat(window.fromZero()).isTrue();
        assertThat(window.start()).isEqualTo(laterReset);
        assertThat(window.notes())
                .singleElement()
                .asString()
                .contains("pg_stat_statements was reset at")
                .contains("shorter than asked");
    }

    @Test
    void aRestartThatKeptTheResetTimeKeptTheCounters() {
        OffsetDateTime reboot = BOOT.plusMinutes(70);
        StatsWindow window = StatsWindow.between(
                snapshot(1, BOOT.plusHours(1), BOOT, RESET), snapshot(2, BOOT.plusHours(2), reboot, RESET));

        assertThat(window.fromZero()).isFalse();
        assertThat(window.notes())
                .singleElement()
                .asString()
                .contains("restarted")
                .contains("kept its statement counters");
    }

    @Test
    void aRestartWithANewResetTimeLostTheCounters() {
        OffsetDateTime reboot = BOOT.plusMinutes(70);
        StatsWindow window = StatsWindow.between(
                snapshot(1, BOOT.plusHours(1), BOOT, RESET), snapshot(2, BOOT.plusHours(2), reboot, reboot));

        assertThat(window.fromZero()).isTrue();
        assertThat(window.start()).isEqualTo(reboot);
        assertThat(window.notes()).singleElement().asString().contains("lost the statement counters");
    }

    @Test
    void beforePostgres14ARestartLeavesTheDecisionToEachStatement() {
        OffsetDateTime reboot = BOOT.plusMinutes(70);
        StatsWindow window = StatsWindow.between(
                snapshot(1, BOOT.plusHours(1), BOOT, null), snapshot(2, BOOT.plusHours(2), reboot, null));

        assertThat(window.fromZero()).isFalse();
        assertThat(window.notes()).singleElement().asString().contains("counters went down count from the restart");
    }

    @Test
    void withoutAnOlderSnapshotEverythingCountsSinceTheLastReset() {
        StatsWindow window = StatsWindow.between(null, snapshot(2, BOOT.plusHours(2), BOOT, RESET));

        assertThat(window.fromZero()).isTrue();
        assertThat(window.start()).isEqualTo(RESET);
        assertThat(window.notes()).singleElement().asString().contains("keel stats snapshot");
    }
}
