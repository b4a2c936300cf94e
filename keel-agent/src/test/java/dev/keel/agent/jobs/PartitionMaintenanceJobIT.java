package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentDatabase;
import dev.keel.change.ChangeSettings;
import dev.keel.change.ChangeState;
import dev.keel.partition.KeyType;
import dev.keel.partition.PartitionMaintenance;
import dev.keel.partition.PartitionSet;
import dev.keel.partition.PartitionSets;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.Clock;
import org.junit.jupiter.api.Test;

@WithPostgres
class PartitionMaintenanceJobIT {

    private static PartitionMaintenanceJob job(AgentDatabase db) {
        return new PartitionMaintenanceJob(
                PartitionMaintenance.of(db.source(), "keel", ChangeSettings.DEFAULTS, Clock.systemUTC(), line -> {}));
    }

    @Test
    void withoutADeclaredSetItDoesNothing(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);

        JobResult result = job(db).run();

        assertThat(result.problem()).isNull();
        assertThat(result.figures()).containsEntry("sets", 0).containsEntry("changes", 0);
    }

    @Test
    void itKeepsADeclaredSetAheadAndThenHasNothingToDo(TestCluster cluster) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        db.execute("create table ledger (id bigint primary key) partition by range (id)");
        try (Connection c = db.source().open()) {
            new ChangeState("keel").ensureExists(c);
            c.createStatement()
                    .execute(PartitionSets.upsert(
                            "keel",
                            new PartitionSet(
                                    "public",
                                    "ledger",
                                    PartitionSet.RANGE,
                                    "id",
                                    KeyType.INTEGER,
                                    "1000",
                                    3,
                                    null,
                                    PartitionSet.DETACH,
                                    null,
                                    null,
                                    "1")));
        }

        assertThat(job(db).run().figures()).containsEntry("sets", 1).containsEntry("changes", 4);
        assertThat(job(db).run().figures()).containsEntry("changes", 0);
        assertThat(db.count("select count(*) from pg_inherits where inhparent = 'ledger'::regclass"))
                .isEqualTo(4);
    }
}
