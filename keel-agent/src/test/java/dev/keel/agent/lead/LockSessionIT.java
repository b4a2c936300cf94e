package dev.keel.agent.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.agent.AgentDatabase;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WithPostgres
class LockSessionIT {

    @Test
    void theLockSessionShowsByNameAndADeadSessionFailsItsCheck(TestCluster cluster) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        try (LockSession session = LockSession.open(db.source(), AdvisoryLock.leader("keel"), Duration.ofSeconds(5))) {
            assertThat(session.tryLock()).isTrue();
            session.check();
            assertThat(db.count(
                            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'keel up (leader lock)'"))
                    .isEqualTo(1);

            assertThat(db.terminateLeaderSession()).isEqualTo(1);

            assertThatThrownBy(session::check).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void closingReleasesTheLock(TestCluster cluster) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        String lock = AdvisoryLock.leader("keel");
        try (LockSession first = LockSession.open(db.source(), lock, Duration.ofSeconds(5));
                LockSession second = LockSession.open(db.source(), lock, Duration.ofSeconds(5))) {
            assertThat(first.tryLock()).isTrue();
            assertThat(second.tryLock()).isFalse();

            first.close();

            assertThat(second.tryLock()).isTrue();
        }
    }
}
