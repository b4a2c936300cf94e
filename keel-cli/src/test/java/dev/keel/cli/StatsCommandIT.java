package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** keel stats snapshot and keel stats prune, in text and JSON. */
class StatsCommandIT extends ProjectOnCluster {

    StatsCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void snapshotSaysWhatItStored() throws Exception {
        keel("migrate");

        Cli.Run text = keel("stats", "snapshot");
        assertThat(text.exitCode()).as(text.stderr()).isZero();
        assertThat(text.stdout()).containsPattern("Stored snapshot 1 of .*: \\d+ statements, 2 tables, 2 indexes\\.");

        JsonNode json = json("stats", "snapshot", "--json");
        assertThat(json.get("id").asLong()).isEqualTo(2);
        assertThat(json.get("tables").asLong()).isEqualTo(2);
        assertThat(json.get("indexes").asLong()).isEqualTo(2);
        assertThat(json.get("statements").asLong()).isPositive();
        assertThat(json.get("takenAt").asText()).isNotBlank();
    }

    @Test
    void snapshotsGoToTheConfiguredSchema() {
        project.config("schema: ops\n");

        assertThat(keel("stats", "snapshot").exitCode()).isZero();

        assertThat(cluster.queryString(db, "SELECT count(*) FROM ops.stat_snapshot"))
                .isEqualTo("1");
    }

    @Test
    void pruneDeletesOnlyOlderSnapshots() throws Exception {
        keel("stats", "snapshot");
        keel("stats", "snapshot");
        cluster.execute(db, "UPDATE keel.stat_snapshot SET taken_at = taken_at - interval '8 days' WHERE id = 1");

        Cli.Run run = keel("stats", "prune", "--keep", "7d");

        assertThat(run.stdout()).contains("Deleted 1 snapshot older than 7d.");
        assertThat(cluster.queryString(db, "SELECT string_agg(id::text, ',') FROM keel.stat_snapshot"))
                .isEqualTo("2");
        assertThat(json("stats", "prune", "--json").get("deleted").asInt()).isZero();
    }

    @Test
    void snapshotWithObserveStoresTheValuesOfRunningStatements() throws Exception {
        assertThat(keel("migrate").exitCode()).isZero();
        AtomicBoolean stop = new AtomicBoolean();
        Thread load = new Thread(() -> {
            try (Connection c = cluster.connect(db);
                    Statement s = c.createStatement()) {
                while (!stop.get()) {
                    s.executeQuery("SELECT count(*), pg_sleep(0.02) FROM orders WHERE user_id = 42")
                            .close();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        load.start();
        Cli.Run run;
        try {
            run = keel("stats", "snapshot", "--observe", "1s");
        } finally {
            stop.set(true);
            load.join();
        }

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("Sampled values: watched pg_stat_activity for 1s");
        assertThat(cluster.queryString(db, "SELECT DISTINCT array_to_string(literals, ' ') FROM keel.stat_sample"))
                .isEqualTo("0.02 42");
    }
}
