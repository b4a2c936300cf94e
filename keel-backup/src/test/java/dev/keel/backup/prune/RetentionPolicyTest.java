package dev.keel.backup.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupType;
import dev.keel.error.KeelException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<BackupManifest> FOUR =
            List.of(backup("a", 30), backup("b", 10), backup("c", 3), backup("d", 1));

    @Test
    void keepFullKeepsTheNewestFullBackups() {
        assertThat(new RetentionPolicy(2, null).keep(FOUR, NOW)).containsExactly("c", "d");
    }

    @Test
    void keepDaysKeepsEveryBackupThatEndedWithinThem() {
        assertThat(new RetentionPolicy(null, 7).keep(FOUR, NOW)).containsExactly("c", "d");
        assertThat(new RetentionPolicy(null, 14).keep(FOUR, NOW)).containsExactly("b", "c", "d");
    }

    @Test
    void eitherRuleKeepsABackup() {
        assertThat(new RetentionPolicy(1, 14).keep(FOUR, NOW)).containsExactly("b", "c", "d");
    }

    @Test
    void theNewestBackupSurvivesEvenZeroDays() {
        assertThat(new RetentionPolicy(null, 0).keep(FOUR, NOW)).containsExactly("d");
    }

    @Test
    void noPolicyIsAUsageError() {
        assertThatThrownBy(() -> new RetentionPolicy(null, null))
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("--keep-full");
    }

    @Test
    void aFullBackupCountsWithItsIncrementalsAndAKeptIncrementalKeepsItsAncestors() {
        List<BackupManifest> chains =
                List.of(backup("a", 30), incr("a1", "a", 29), backup("b", 10), incr("b1", "b", 9), incr("b2", "b1", 8));
        assertThat(new RetentionPolicy(1, null).keep(chains, NOW)).containsExactly("b", "b1", "b2");
        assertThat(new RetentionPolicy(null, 0).keep(chains, NOW))
                .as("the newest alone would be useless without its chain")
                .containsExactly("b", "b1", "b2");
        assertThat(new RetentionPolicy(2, null).keep(chains, NOW)).containsExactly("a", "a1", "b", "b1", "b2");
    }

    private static BackupManifest incr(String id, String parent, int daysAgo) {
        Instant stop = NOW.minus(Duration.ofDays(daysAgo));
        return new BackupManifest(
                1,
                id,
                BackupType.INCREMENTAL,
                parent,
                1,
                "0/2000028",
                "0/2000100",
                stop.minusSeconds(60),
                stop,
                "17.2",
                "1",
                List.of(),
                Map.of());
    }

    private static BackupManifest backup(String id, int daysAgo) {
        Instant stop = NOW.minus(Duration.ofDays(daysAgo));
        return new BackupManifest(
                1,
                id,
                BackupType.FULL,
                null,
                1,
                "0/2000028",
                "0/2000100",
                stop.minusSeconds(60),
                stop,
                "17.2",
                "1",
                List.of(),
                Map.of());
    }
}
