package dev.keel.agent.upkeep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class ProjectionUpkeepIT {
    private final TestCluster cluster;

    ProjectionUpkeepIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void withoutTheRegistryThereIsNothingToReadAndNothingIsCreated() throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            assertThat(ProjectionUpkeep.read(c, "keel")).isEmpty();
        }
        assertThat(cluster.queryString(db, "select to_regclass('keel.projections') is null"))
                .isEqualTo("t");
    }

    @Test
    void eachProjectionComesWithItsIntervalItsAgeAndACountersStripes(@TempDir Path dir) throws Exception {
        String db = UpkeepProject.create(cluster, dir);
        cluster.execute(
                db,
                "update keel.projections set last_refreshed = now() - interval '1 hour' where name = 'daily_orders'");

        Map<String, ProjectionUpkeep.Row> rows = read(db);

        assertThat(rows).containsOnlyKeys(UpkeepProject.COUNTER, UpkeepProject.SUMMARY, UpkeepProject.VIEW);
        ProjectionUpkeep.Row summary = rows.get(UpkeepProject.SUMMARY);
        assertThat(summary.kind()).isEqualTo("summary");
        assertThat(summary.state()).isEqualTo("ready");
        assertThat(summary.refreshed()).isTrue();
        assertThat(summary.refreshSeconds()).isEqualTo(300.0);
        assertThat(summary.ageSeconds()).isBetween(3600.0, 3600.0 + 600);
        ProjectionUpkeep.Row view = rows.get(UpkeepProject.VIEW);
        assertThat(view.refreshSeconds()).isEqualTo(3600.0);
        assertThat(view.lastRefreshed()).isNotNull();
        assertThat(view.ageSeconds()).isLessThan(600);
        ProjectionUpkeep.Row counter = rows.get(UpkeepProject.COUNTER);
        assertThat(counter.refreshed()).isFalse();
        assertThat(counter.refreshSeconds()).isNull();
        assertThat(counter.lastCompacted()).isNull();

        // The statistics see the stripes' rows once the writers' counts reach them: the base rows and new deltas.
        cluster.execute(db, "insert into orders (user_id, amount) select i % 10, i from generate_series(1, 30) i");
        double stripes = Eventually.await(
                Duration.ofSeconds(30),
                "the statistics to count the counter's stripes",
                () -> read(db).get(UpkeepProject.COUNTER).stripeRows(),
                n -> n != null && n >= 11);
        assertThat(stripes).isGreaterThanOrEqualTo(11);
    }

    private Map<String, ProjectionUpkeep.Row> read(String db) {
        try (Connection c = cluster.connect(db)) {
            List<ProjectionUpkeep.Row> rows = ProjectionUpkeep.read(c, "keel");
            return rows.stream().collect(Collectors.toMap(ProjectionUpkeep.Row::qualifiedName, Function.identity()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
