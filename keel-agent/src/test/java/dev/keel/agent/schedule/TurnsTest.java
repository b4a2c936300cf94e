package dev.keel.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.jobs.JobName;
import dev.keel.agent.jobs.Outcome;
import dev.keel.agent.jobs.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TurnsTest {
    private static final Instant LEAD = Instant.parse("2026-12-03T10:00:00Z");
    private static final Schedule DAILY = new Schedule.Every(Duration.ofDays(1));
    private static final Schedule WEEKLY = new Schedule.Every(Duration.ofDays(7));

    private static RunRecord run(Instant started, Outcome outcome) {
        return new RunRecord("x", started, started.plusSeconds(60), outcome, Map.of(), null);
    }

    @Test
    void aJobThatNeverRanRunsAtOnceWhenEagerAndAfterOneIntervalOtherwise() {
        assertThat(Turns.due(JobName.FULL_BACKUP, WEEKLY, null, LEAD, LEAD)).isTrue();
        assertThat(Turns.due(JobName.INCREMENTAL_BACKUP, DAILY, null, LEAD, LEAD))
                .isFalse();
        assertThat(Turns.due(JobName.INCREMENTAL_BACKUP, DAILY, null, LEAD, LEAD.plus(Duration.ofDays(1))))
                .isTrue();
    }

    @Test
    void anIntervalCountsFromTheLastStartEvenAcrossAgents() {
        Instant started = LEAD.minus(Duration.ofHours(20));
        assertThat(Turns.due(JobName.INCREMENTAL_BACKUP, DAILY, run(started, Outcome.OK), LEAD, LEAD))
                .isFalse();
        assertThat(Turns.due(
                        JobName.INCREMENTAL_BACKUP, DAILY, run(started, Outcome.OK), LEAD, LEAD.plusSeconds(4 * 3600)))
                .isTrue();
    }

    @Test
    void anInterruptedRunIsRunAgainAtTheNextTurn() {
        assertThat(Turns.due(JobName.FULL_BACKUP, WEEKLY, run(LEAD.minusSeconds(30), Outcome.INTERRUPTED), LEAD, LEAD))
                .isTrue();
    }

    @Test
    void aFailedRunIsRetriedAfterFifteenMinutesRatherThanAWeek() {
        RunRecord failed = run(LEAD, Outcome.FAILED);
        Instant ended = failed.finished();
        assertThat(Turns.due(JobName.FULL_BACKUP, WEEKLY, failed, LEAD, ended.plus(Duration.ofMinutes(14))))
                .isFalse();
        assertThat(Turns.due(JobName.FULL_BACKUP, WEEKLY, failed, LEAD, ended.plus(Turns.RETRY_AFTER)))
                .isTrue();
    }

    @Test
    void aCronJobThatNeverRanWaitsForItsTime() {
        Schedule nightly = ScheduleParser.parse("0 3 * * *", ZoneOffset.UTC);
        assertThat(Turns.due(JobName.DRILL, nightly, null, LEAD, LEAD)).isFalse();
        assertThat(Turns.due(JobName.DRILL, nightly, null, LEAD, Instant.parse("2026-12-04T03:00:00Z")))
                .isTrue();
        RunRecord tonight = run(Instant.parse("2026-12-04T03:00:00Z"), Outcome.OK);
        assertThat(Turns.due(JobName.DRILL, nightly, tonight, LEAD, Instant.parse("2026-12-04T12:00:00Z")))
                .isFalse();
    }

    @Test
    void aContinuousJobStartsAgainAfterAPause() {
        Schedule continuous = new Schedule.Continuous();
        assertThat(Turns.due(JobName.WAL_STREAM, continuous, null, LEAD, LEAD)).isTrue();
        RunRecord ended = run(LEAD, Outcome.FAILED);
        assertThat(Turns.due(JobName.WAL_STREAM, continuous, ended, LEAD, ended.finished()))
                .isFalse();
        assertThat(Turns.due(
                        JobName.WAL_STREAM,
                        continuous,
                        ended,
                        LEAD,
                        ended.finished().plus(Turns.RESTART_PAUSE)))
                .isTrue();
    }

    @Test
    void anOffJobIsNeverDue() {
        assertThat(Turns.due(JobName.DOCTOR, new Schedule.Off(), null, LEAD, LEAD))
                .isFalse();
    }
}
