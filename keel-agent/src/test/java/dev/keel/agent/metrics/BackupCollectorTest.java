package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.catalog.DrillRecord;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupCollectorTest {
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    /** The collector's families for these facts, through the registry's own text writer. */
    static ScrapeText scrape(BackupFacts facts, Duration rpo, Duration rto) {
        BackupCollector collector = new BackupCollector(null, rpo, rto, Clock.fixed(NOW, ZoneOffset.UTC));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.getPrometheusRegistry()
                .register(() -> new MetricSnapshots(Family.snapshots(collector.families(facts, NOW))));
        return ScrapeText.of(registry.scrape());
    }

    @Test
    void exposureRunsFromTheNewestWalAfterTheBackupToNow() {
        BackupFacts facts = new BackupFacts(
                true,
                NOW.minusSeconds(30),
                2,
                0,
                Map.of(BackupType.FULL, NOW.minusSeconds(7200), BackupType.INCREMENTAL, NOW.minusSeconds(3600)),
                NOW.minusSeconds(90),
                null);

        ScrapeText scrape = scrape(facts, Duration.ofMinutes(5), null);

        assertThat(scrape.value("keel_rpo_exposure_seconds")).hasValue(90);
        assertThat(scrape.value("keel_rpo_target_seconds")).hasValue(300);
        assertThat(scrape.named("keel_rto_target_seconds")).isEmpty();
        assertThat(scrape.value("keel_backup_last_success_timestamp_seconds{type=\"incr\"}"))
                .hasValue(NOW.minusSeconds(3600).getEpochSecond());
        assertThat(scrape.value("keel_backup_last_success_timestamp_seconds{type=\"full\"}"))
                .hasValue(NOW.minusSeconds(7200).getEpochSecond());
    }

    @Test
    void walOlderThanTheBackupLeavesTheBackupsEndAsTheReach() {
        BackupFacts facts = new BackupFacts(
                true, NOW, 1, 0, Map.of(BackupType.FULL, NOW.minusSeconds(600)), NOW.minusSeconds(4000), null);

        assertThat(scrape(facts, null, null).value("keel_rpo_exposure_seconds")).hasValue(600);
    }

    @Test
    void withoutACompleteBackupTheExposureIsUnbounded() {
        BackupFacts facts = new BackupFacts(true, NOW, 0, 1, Map.of(), null, null);

        ScrapeText scrape = scrape(facts, Duration.ofMinutes(5), null);

        assertThat(scrape.value("keel_rpo_exposure_seconds")).hasValue(Double.POSITIVE_INFINITY);
        assertThat(scrape.value("keel_backups{state=\"incomplete\"}")).hasValue(1);
        assertThat(scrape.named("keel_backup_last_success_timestamp_seconds")).isEmpty();
    }

    @Test
    void theLastDrillsFiguresAreInSecondsAndAnUnmeasuredOneIsAbsent() {
        DrillRecord drill = new DrillRecord(
                "d1",
                "b1",
                NOW.minusSeconds(100),
                NOW.minusSeconds(40),
                true,
                Map.of("rtoMillis", "12500", "rpoMillis", "null"),
                List.of());
        BackupFacts facts =
                new BackupFacts(true, NOW, 1, 0, Map.of(BackupType.FULL, NOW.minusSeconds(600)), null, drill);

        ScrapeText scrape = scrape(facts, null, Duration.ofMinutes(10));

        assertThat(scrape.value("keel_drill_last_rto_seconds")).hasValue(12.5);
        assertThat(scrape.named("keel_drill_last_rpo_seconds")).isEmpty();
        assertThat(scrape.value("keel_drill_last_passed")).hasValue(1);
        assertThat(scrape.value("keel_drill_last_timestamp_seconds"))
                .hasValue(NOW.minusSeconds(40).getEpochSecond());
        assertThat(scrape.value("keel_rto_target_seconds")).hasValue(600);
    }

    @Test
    void anUnreadableRepositoryKeepsTheLastFactsAndSaysSo() {
        BackupFacts read = new BackupFacts(true, NOW, 1, 0, Map.of(BackupType.FULL, NOW.minusSeconds(60)), null, null);

        ScrapeText scrape = scrape(read.unreadable(NOW.plusSeconds(60)), null, null);

        assertThat(scrape.value("keel_backup_repository_up")).hasValue(0);
        assertThat(scrape.value("keel_backup_last_success_timestamp_seconds{type=\"full\"}"))
                .hasValue(NOW.minusSeconds(60).getEpochSecond());
    }
}
