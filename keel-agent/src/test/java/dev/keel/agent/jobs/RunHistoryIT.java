package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentDatabase;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WithPostgres
class RunHistoryIT {
    private final RunHistory history = new RunHistory("keel");

    @Test
    void aRunIsRecordedFromStartToEndWithItsFigures(TestCluster cluster) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        try (Connection c = db.source().open()) {
            history.ensureExists(c);
            history.ensureExists(c);
            Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long id = history.start(c, JobName.DOCTOR, started, "agent-a");
            assertThat(history.latest(c, JobName.DOCTOR))
                    .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Outcome.RUNNING));

            history.finish(
                    c,
                    id,
                    new RunRecord("doctor", started, started.plusSeconds(2), Outcome.OK, Map.of("findings", 3), null));

            RunRecord run = history.latest(c).get(JobName.DOCTOR);
            assertThat(run.outcome()).isEqualTo(Outcome.OK);
            assertThat(run.started()).isEqualTo(started);
            assertThat(run.finished()).isEqualTo(started.plusSeconds(2));
            assertThat(run.figures()).containsEntry("findings", 3);
            assertThat(history.lastSuccess(c)).containsEntry(JobName.DOCTOR, started.plusSeconds(2));
        }
    }

    @Test
    void runsLeftRunningAreMarkedInterrupted(TestCluster cluster) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        try (Connection c = db.source().open()) {
            history.ensureExists(c);
            history.start(c, JobName.FULL_BACKUP, Instant.now(), "killed-agent");

            assertThat(history.interruptStale(c, JobName.FULL_BACKUP)).isEqualTo(1);

            RunRecord run = history.latest(c, JobName.FULL_BACKUP).orElseThrow();
            assertThat(run.outcome()).isEqualTo(Outcome.INTERRUPTED);
            assertThat(run.error()).contains("next turn runs it again");
            assertThat(history.interruptStale(c, JobName.FULL_BACKUP)).isZero();
        }
    }

    @Test
    void pruningKeepsEachJobsNewestRunHoweverOld(TestCluster cluster) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        try (Connection c = db.source().open()) {
            history.ensureExists(c);
            Instant old = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < 3; i++) {
                long id = history.start(c, JobName.DRILL, old.plusSeconds(i), "a");
                history.finish(c, id, new RunRecord("drill", old, old.plusSeconds(i + 1), Outcome.OK, Map.of(), null));
            }
            long recent = history.start(c, JobName.DOCTOR, Instant.now(), "a");
            history.finish(
                    c, recent, new RunRecord("doctor", Instant.now(), Instant.now(), Outcome.OK, Map.of(), null));

            assertThat(history.prune(c, Duration.ofDays(30))).isEqualTo(2);

            assertThat(db.count("SELECT count(*) FROM keel.agent_runs")).isEqualTo(2);
            assertThat(history.latest(c, JobName.DRILL).orElseThrow().started()).isEqualTo(old.plusSeconds(2));
        }
    }
}
