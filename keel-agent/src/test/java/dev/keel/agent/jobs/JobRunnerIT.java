package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentDatabase;
import dev.keel.agent.lead.AdvisoryLock;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@WithPostgres
class JobRunnerIT {
    private final List<String> log = new ArrayList<>();
    private final RunHistory history = new RunHistory("keel");

    private JobRunner runner(AgentDatabase db) {
        try (Connection c = db.source().open()) {
            history.ensureExists(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new JobRunner(
                db.source(),
                history,
                new JobMetrics(new SimpleMeterRegistry()),
                "agent-a",
                Clock.systemUTC(),
                log::add);
    }

    private static Job job(JobName name, JobResult result, RuntimeException failure) {
        return new Job() {
            @Override
            public JobName name() {
                return name;
            }

            @Override
            public JobResult run() {
                if (failure != null) {
                    throw failure;
                }
                return result;
            }
        };
    }

    @Test
    void aRunIsRecordedAndLoggedInOneLine(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);

        Optional<RunRecord> run =
                runner(db).run(job(JobName.DOCTOR, JobResult.ok(Map.of("findings", 2)), null), r -> true);

        assertThat(run).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Outcome.OK));
        assertThat(db.count("SELECT count(*) FROM keel.agent_runs WHERE job = 'doctor' AND outcome = 'ok'"
                        + " AND (figures->>'findings')::int = 2 AND finished IS NOT NULL"))
                .isEqualTo(1);
        assertThat(log)
                .singleElement()
                .asString()
                .startsWith("job doctor ok in")
                .endsWith("findings=2");
    }

    @Test
    void aFailureIsRecordedWithItsOneLineError(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);

        runner(db).run(job(JobName.SNAPSHOT, null, new IllegalStateException("no space\nmore")), r -> true);

        assertThat(db.count("SELECT count(*) FROM keel.agent_runs WHERE outcome = 'failed'"
                        + " AND error = 'IllegalStateException: no space'"))
                .isEqualTo(1);
    }

    @Test
    void aJobAnotherAgentRunsNowIsNotStarted(TestCluster cluster) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        JobRunner runner = runner(db);
        try (Connection other = db.source().open()) {
            AdvisoryLock.tryLock(other, AdvisoryLock.job("keel", JobName.DRILL.key()));

            assertThat(runner.run(job(JobName.DRILL, JobResult.ok(Map.of()), null), r -> true))
                    .isEmpty();
        }
        assertThat(db.count("SELECT count(*) FROM keel.agent_runs")).isZero();
        assertThat(log).containsExactly("job drill skipped: it is still running on another agent");
    }

    @Test
    void aRunAKilledAgentLeftRunningIsMarkedInterruptedAndTheJobRunsAgain(TestCluster cluster) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        JobRunner runner = runner(db);
        try (Connection c = db.source().open()) {
            history.start(c, JobName.FULL_BACKUP, Instant.now().minusSeconds(60), "killed-agent");
        }

        runner.sweep(JobName.FULL_BACKUP);
        assertThat(db.count("SELECT count(*) FROM keel.agent_runs WHERE outcome = 'interrupted'"))
                .isEqualTo(1);

        runner.run(job(JobName.FULL_BACKUP, JobResult.ok(Map.of()), null), r -> r.outcome() == Outcome.INTERRUPTED);
        assertThat(db.count("SELECT count(*) FROM keel.agent_runs WHERE outcome = 'ok'"))
                .isEqualTo(1);
    }

    @Test
    void aJobThatAnotherAgentRanMeanwhileIsNotRunAgain(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        JobRunner runner = runner(db);
        runner.run(job(JobName.PRUNE, JobResult.ok(Map.of()), null), r -> true);

        Optional<RunRecord> second = runner.run(job(JobName.PRUNE, JobResult.ok(Map.of()), null), r -> false);

        assertThat(second).isPresent();
        assertThat(db.count("SELECT count(*) FROM keel.agent_runs WHERE job = 'prune'"))
                .isEqualTo(1);
    }
}
