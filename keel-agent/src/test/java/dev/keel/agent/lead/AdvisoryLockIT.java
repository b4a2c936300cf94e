package dev.keel.agent.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentDatabase;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

@WithPostgres
class AdvisoryLockIT {

    @Test
    void oneSessionHoldsALockAndLocksOfOtherNamesAreApart(TestCluster cluster) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        try (Connection a = db.source().open();
                Connection b = db.source().open()) {
            assertThat(AdvisoryLock.tryLock(a, AdvisoryLock.leader("keel"))).isTrue();
            assertThat(AdvisoryLock.tryLock(b, AdvisoryLock.leader("keel"))).isFalse();
            assertThat(AdvisoryLock.tryLock(b, AdvisoryLock.leader("other"))).isTrue();
            assertThat(AdvisoryLock.tryLock(b, AdvisoryLock.job("keel", "doctor")))
                    .isTrue();

            AdvisoryLock.unlock(a, AdvisoryLock.leader("keel"));

            assertThat(AdvisoryLock.tryLock(b, AdvisoryLock.leader("keel"))).isTrue();
        }
    }
}
