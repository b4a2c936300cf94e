package dev.keel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that is down when the agent starts: the agent keeps running, says so, and recovers. */
@WithPostgres
class AgentUnreachableDatabaseIT {
    @TempDir
    Path dir;

    @Test
    void itKeepsRunningReportsTheDatabaseDownAndLeadsOnceItReturns(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        cluster.stop();
        List<String> log = new CopyOnWriteArrayList<>();
        Agent agent = AgentIT.agent(dir, db, log);
        agent.start();
        try {
            Eventually.await(
                    Duration.ofSeconds(30),
                    "the agent to try the database",
                    () -> !log.stream()
                            .filter(l -> l.startsWith("database unreachable"))
                            .toList()
                            .isEmpty(),
                    log::toString);
            assertThat(AgentIT.get(agent, "/health")).contains("\"role\" : \"standby\"", "\"database\" : \"down\"");

            cluster.start();

            Eventually.await(
                    Duration.ofSeconds(60),
                    "the agent to lead",
                    () -> agent.status().role().equals("leader"),
                    log::toString);
            Eventually.await(
                    Duration.ofSeconds(60),
                    "a job run after the database returned",
                    () -> db.runs("outcome = 'ok'") > 0,
                    log::toString);
            assertThat(AgentIT.get(agent, "/health")).contains("\"database\" : \"up\"");
        } finally {
            agent.stop(Duration.ofSeconds(30));
        }
    }
}
