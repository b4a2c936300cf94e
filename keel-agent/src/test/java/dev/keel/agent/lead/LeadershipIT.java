package dev.keel.agent.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentDatabase;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Two agents' leadership on one real database. */
@WithPostgres
class LeadershipIT {
    private static final Duration TAKEOVER = Duration.ofSeconds(15);

    @Test
    void oneLeadsAndTheOtherTakesOverWithin15sWhenTheLeadersSessionDies(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        List<String> logA = new CopyOnWriteArrayList<>();
        List<String> logB = new CopyOnWriteArrayList<>();
        try (Leadership a = new Leadership(db.source(), "keel", logA::add);
                Leadership b = new Leadership(db.source(), "keel", logB::add)) {
            a.start();
            Eventually.await(TAKEOVER, "the first agent to lead", a::leading);
            b.start();
            Eventually.await(
                    TAKEOVER, "the second agent to stand by", () -> b.databaseUp() && !b.leading(), logB::toString);

            assertThat(db.terminateLeaderSession()).isEqualTo(1);

            Eventually.await(TAKEOVER, "the standby to lead", b::leading, logB::toString);
            Eventually.await(TAKEOVER, "the old leader to notice", () -> !a.leading(), logA::toString);
            assertThat(b.term()).isEqualTo(1);
            assertThat(logA).anySatisfy(line -> assertThat(line).startsWith("stopped leading"));
            assertThat(logB).contains("leading: this agent runs the jobs");
        }
    }

    @Test
    void closingReleasesTheLockSoTheStandbyLeads(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        Leadership a = new Leadership(db.source(), "keel", line -> {});
        try (Leadership b = new Leadership(db.source(), "keel", line -> {})) {
            a.start();
            Eventually.await(TAKEOVER, "the first agent to lead", a::leading);
            b.start();

            a.close();

            Eventually.await(TAKEOVER, "the standby to lead", b::leading);
        }
    }

    @Test
    void agentsOfAnotherSchemaLeadOnTheirOwn(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        try (Leadership a = new Leadership(db.source(), "keel", line -> {});
                Leadership b = new Leadership(db.source(), "keel_other", line -> {})) {
            a.start();
            b.start();

            Eventually.await(TAKEOVER, "both to lead", () -> a.leading() && b.leading());
        }
    }
}
