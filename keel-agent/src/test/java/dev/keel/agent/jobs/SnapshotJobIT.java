package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentDatabase;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class SnapshotJobIT {

    @Test
    void itStoresASnapshotAndCountsWhatItHolds(TestCluster cluster, @TempDir Path dir) {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        db.execute("create table t (id int primary key)");

        JobResult result = new SnapshotJob(InsightJobsFixture.insight(db, dir)).run();

        assertThat(result.figures()).containsKeys("snapshot", "statements", "tables", "indexes");
        assertThat((long) result.figures().get("tables")).isPositive();
        assertThat(db.count("SELECT count(*) FROM keel.stat_snapshot")).isEqualTo(1);
    }
}
