package dev.keel.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.jobs.JobName;
import dev.keel.config.KeelYaml;
import dev.keel.testing.ConfigSectionTestBase;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keel.yaml's schedule: section and the defaults a team can keep. */
class ScheduleSectionTest extends ConfigSectionTestBase {

    @Test
    void withoutARepositoryOnlyTheSnapshotAndTheDoctorRun() throws IOException {
        JobSchedules schedules = JobSchedules.from(load("schema: keel\n"));

        assertThat(schedules.of(JobName.SNAPSHOT)).isEqualTo(new Schedule.Every(Duration.ofMinutes(5)));
        assertThat(schedules.of(JobName.DOCTOR)).isEqualTo(new Schedule.Every(Duration.ofMinutes(1)));
        assertThat(schedules.enabled(JobName.WAL_STREAM)).isFalse();
        assertThat(schedules.enabled(JobName.FULL_BACKUP)).isFalse();
        assertThat(schedules.enabled(JobName.DRILL)).isFalse();
    }

    @Test
    void aRepositoryTurnsOnStreamingBackupsAndDrills() throws IOException {
        JobSchedules schedules = JobSchedules.from(load("backup:\n  repository: file:///srv/backups\n"));

        assertThat(schedules.of(JobName.WAL_STREAM)).isInstanceOf(Schedule.Continuous.class);
        assertThat(schedules.of(JobName.FULL_BACKUP)).isEqualTo(new Schedule.Every(Duration.ofDays(7)));
        assertThat(schedules.of(JobName.INCREMENTAL_BACKUP)).isEqualTo(new Schedule.Every(Duration.ofDays(1)));
        assertThat(schedules.of(JobName.DRILL)).isEqualTo(new Schedule.Every(Duration.ofDays(7)));
        // Without a retention prune has nothing to go by, and would fail every day.
        assertThat(schedules.enabled(JobName.PRUNE)).isFalse();
        assertThat(JobSchedules.from(load("backup:\n  repository: file:///srv/backups\n  retention:\n    full: 4\n"))
                        .of(JobName.PRUNE))
                .isEqualTo(new Schedule.Every(Duration.ofDays(1)));
    }

    @Test
    void keelYamlAndTheEnvironmentSetEachJob() throws IOException {
        KeelYaml config = load("""
                backup:
                  repository: file:///srv/backups
                schedule:
                  fullBackup: 0 2 * * 0
                  drill: off
                  walStream: off
                """, Map.of("KEEL_SCHEDULE_DOCTOR", "15min"));
        JobSchedules schedules = JobSchedules.from(config);

        assertThat(schedules.of(JobName.FULL_BACKUP).text()).isEqualTo("0 2 * * 0");
        assertThat(schedules.enabled(JobName.DRILL)).isFalse();
        assertThat(schedules.enabled(JobName.WAL_STREAM)).isFalse();
        assertThat(schedules.of(JobName.DOCTOR)).isEqualTo(new Schedule.Every(Duration.ofMinutes(15)));
    }

    @Test
    void aBadExpressionIsOneLineNamingTheKeyWithAnExample() {
        usageError(() -> load("schedule:\n  doctor: every minute\n")).satisfies(e -> {
            assertThat(e.what()).contains("'schedule.doctor'").contains("every minute");
            assertThat(e.todo()).contains("schedule.doctor: 1min").contains("'0 3 * * *'");
            assertThat(e.getMessage()).doesNotContain("\n");
        });
        usageError(() -> load("schema: keel\n", Map.of("KEEL_SCHEDULE_DRILL", "0 99 * * *")))
                .satisfies(
                        e -> assertThat(e.what()).contains("'schedule.drill'").contains("cron"));
    }

    @Test
    void onlyWalStreamingIsContinuousAndItHasNoInterval() {
        usageError(() -> load("schedule:\n  doctor: continuous\n"))
                .satisfies(e -> assertThat(e.what()).contains("cannot be continuous"));
        usageError(() -> load("schedule:\n  walStream: 1h\n"))
                .satisfies(e -> assertThat(e.todo()).contains("walStream: continuous"));
    }

    @Test
    void aTypoInAJobNameNamesTheNearestJob() {
        usageError(() -> load("schedule:\n  fullBakup: 7d\n"))
                .satisfies(e -> assertThat(e.todo()).contains("schedule.fullBackup"));
    }
}
