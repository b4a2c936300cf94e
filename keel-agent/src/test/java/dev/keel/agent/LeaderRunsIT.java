package dev.keel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.dashboard.ReadOnlyConnections;
import dev.keel.agent.jobs.JobName;
import dev.keel.agent.jobs.Outcome;
import dev.keel.agent.jobs.RunHistory;
import dev.keel.agent.jobs.RunRecord;
import dev.keel.connect.ConnectionSource;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A standby's /health runs: the leader's, read from agent_runs on a read-only session, at most every 10 s. */
@WithPostgres
class LeaderRunsIT {
    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    private final TestCluster cluster;
    private final RunHistory history = new RunHistory("keel");
    private final MovingClock clock = new MovingClock();
    private final List<String> log = new CopyOnWriteArrayList<>();

    LeaderRunsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void beforeAnyAgentLedThereIsNoRunAndNothingIsCreated() {
        AgentDatabase db = AgentDatabase.fresh(cluster);

        assertThat(runs(db.source()).get()).isEmpty();
        assertThat(db.count("SELECT count(*) FROM pg_namespace WHERE nspname = 'keel'"))
                .isZero();
    }

    @Test
    void eachJobsNewestRunIsReadAgainOnlyOnceTheCachedOnesAreTenSecondsOld() throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        LeaderRuns runs = runs(db.source());
        try (Connection c = cluster.connect(db.name())) {
            history.ensureExists(c);
            record(c, JobName.DOCTOR, AT);
            record(c, JobName.DOCTOR, AT.plusSeconds(60));

            assertThat(runs.get()).singleElement().satisfies(r -> {
                assertThat(r.job()).isEqualTo("doctor");
                assertThat(r.started()).isEqualTo(AT.plusSeconds(60));
            });

            record(c, JobName.SNAPSHOT, AT.plusSeconds(90));
            clock.now = clock.now.plus(LeaderRuns.MAX_AGE.minusSeconds(1));
            assertThat(runs.get()).hasSize(1);
            clock.now = clock.now.plusSeconds(1);
            assertThat(runs.get()).extracting(RunRecord::job).containsExactlyInAnyOrder("doctor", "snapshot");
        }
    }

    @Test
    void whenTheDatabaseCannotBeReadTheRunsLastReadStayAndTheFailureIsLoggedOnce() throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        AtomicBoolean down = new AtomicBoolean();
        ConnectionSource flaky = new ConnectionSource() {
            @Override
            public Connection open() {
                if (down.get()) {
                    throw new IllegalStateException("connection refused");
                }
                return db.source().open();
            }

            @Override
            public String describe() {
                return "the test database";
            }
        };
        LeaderRuns runs = runs(flaky);
        try (Connection c = cluster.connect(db.name())) {
            history.ensureExists(c);
            record(c, JobName.DOCTOR, AT);
        }
        assertThat(runs.get()).hasSize(1);

        down.set(true);
        for (int i = 0; i < 3; i++) {
            clock.now = clock.now.plus(LeaderRuns.MAX_AGE);
            assertThat(runs.get()).hasSize(1);
        }

        assertThat(log).singleElement().asString().contains("connection refused");
    }

    private LeaderRuns runs(ConnectionSource source) {
        return new LeaderRuns(ReadOnlyConnections.of(source), history, clock, log::add);
    }

    private void record(Connection c, JobName job, Instant started) {
        long id = history.start(c, job, started, "leader-agent");
        history.finish(c, id, new RunRecord(job.key(), started, started.plusSeconds(1), Outcome.OK, Map.of(), null));
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        volatile Instant now = AT;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
