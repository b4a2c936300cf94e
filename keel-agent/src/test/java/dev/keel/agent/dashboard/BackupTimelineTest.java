package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupTimelineTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static BackupManifest backup(String id, BackupType type, Instant start, Duration took) {
        return new BackupManifest(
                BackupManifest.FORMAT_VERSION,
                id,
                type,
                null,
                1,
                "0/2000028",
                "0/2000100",
                start,
                start.plus(took),
                "17.2",
                "7400000000000000000",
                List.of(),
                Map.of(),
                List.of());
    }

    @Test
    void drawsFullIncrementalAndWalLanesFromTheOldestBackupToNow() {
        Instant start = NOW.minus(Duration.ofDays(2));
        BackupState state = new BackupState(
                "file:///srv/backups",
                List.of(
                        backup("20261201T100000F", BackupType.FULL, start, Duration.ofHours(1)),
                        backup(
                                "20261202T100000F_<b>",
                                BackupType.INCREMENTAL,
                                NOW.minus(Duration.ofDays(1)),
                                Duration.ofMinutes(5))),
                List.of(),
                120,
                start.plus(Duration.ofHours(1)),
                NOW.minus(Duration.ofMinutes(10)),
                "000000010000000000000078",
                NOW.minus(Duration.ofMinutes(10)),
                List.of());

        String svg = BackupTimeline.svg(state, NOW);

        assertThat(svg)
                .startsWith("<svg class=\"timeline\"")
                .contains("<rect class=\"full\" x=\"" + BackupTimeline.LEFT + ".0\"")
                .contains("<rect class=\"incremental\"", "<rect class=\"wal\"")
                .contains("<title>20261202T100000F_&lt;b&gt; (incr): ")
                .contains("120 WAL segments, 2026-12-01 11:00:00 UTC → 2026-12-03 09:50:00 UTC")
                .contains(">2026-12-01 10:00:00 UTC</text>", ">now, 2026-12-03 10:00:00 UTC</text>")
                .doesNotContain("style=", "<b>");
    }

    @Test
    void withoutBackupsTheTimelineShowsTheLastDayEmpty() {
        BackupState none = new BackupState("file:///x", List.of(), List.of(), 0, null, null, null, null, List.of());

        assertThat(BackupTimeline.svg(none, NOW))
                .contains(">2026-12-02 10:00:00 UTC</text>")
                .doesNotContain("<rect");
        assertThat(none.exposure(NOW)).isNull();
        assertThat(none.lastRto()).isNull();
    }
}
