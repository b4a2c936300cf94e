package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentDatabase;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class DoctorJobIT {

    @Test
    void aFindingIsAFigureNotAFailure(TestCluster cluster, @TempDir Path dir) {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        // An invalid index is a finding of the doctor's: a unique index that failed to build leaves one.
        db.execute("create table t (id int); insert into t values (1), (1)");
        try {
            db.execute("create unique index concurrently t_id on t (id)");
        } catch (RuntimeException expected) {
            // the duplicate makes the build fail, leaving t_id invalid
        }

        JobResult result = new DoctorJob(InsightJobsFixture.insight(db, dir)).run();

        assertThat(result.problem()).isNull();
        assertThat((int) result.figures().get("findings")).isPositive();
        assertThat(result.figures()).containsKeys("critical", "notRun", "principal");
    }
}
