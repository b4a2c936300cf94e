package dev.keel.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.ChangeSettings;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.ddl.LockRetryPolicy;
import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A counter on a partitioned table stays exact through maintenance, which moves rows past its triggers. */
@WithPostgres
class PartitionCountersIT {
    private static final String CHANGE = """
            operations:
              - create_partitioned_table:
                  name: events
                  columns:
                    - {name: id, type: bigint, primary_key: true}
                    - {name: at, type: timestamptz, primary_key: true}
                    - {name: user_id, type: int}
                    - {name: points, type: int}
                  partition_by: {column: at, interval: 1 month, premake: 2, retention: 3 months, retention_action: drop, grace: 7 days}
            """;
    private static final String COUNTER = """
            operations:
              - create_counter: {name: points_per_user, table: events, group_by: [user_id], sum: points, where: "points > 0"}
            """;

    /** Groups where the counter and the table disagree, both ways. */
    private static final String DRIFT = "select count(*) from ((select user_id, count(*), sum(points) from events"
            + " where points > 0 group by user_id except select user_id, count, sum from points_per_user) union all"
            + " (select user_id, count, sum from points_per_user except select user_id, count(*), sum(points) from"
            + " events where points > 0 group by user_id)) d";

    private final TestCluster cluster;

    PartitionCountersIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    private PartitionMaintenance maintenance(String db, Instant now) {
        ConnectionSource source = ConnectionSource.of(TargetParser.parse(cluster.jdbcUrl(db), null, null, "test"));
        return new PartitionMaintenance(
                source,
                "keel",
                new LockRetryPolicy(Duration.ofMillis(200), 3),
                Clock.fixed(now, ZoneOffset.UTC),
                new ArrayList<String>()::add);
    }

    @Test
    void rowsMovedOutOfTheDefaultPartitionAndPartitionsDetachedByRetentionKeepTheCounterExact(@TempDir Path dir)
            throws Exception {
        String db = cluster.createDatabase();
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__events.yaml"), CHANGE);
        Files.writeString(migrations.resolve("V2__points_per_user.yaml"), COUNTER);
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .changes(ChangeSettings.DEFAULTS)
                .load();
        for (int change = 0; change < 2; change++) {
            keel.migrate();
            keel.complete();
        }
        cluster.execute(
                db,
                "insert into events select g, now() - interval '40 days' + g * interval '1 minute', g % 7, g % 5"
                        + " from generate_series(1, 300) g");
        cluster.execute(db, "insert into events select 1000 + g, now(), g % 7, g % 3 from generate_series(1, 200) g");
        assertThat(cluster.queryString(db, "select count(*) from events_default"))
                .isEqualTo("300");
        assertThat(cluster.queryString(db, DRIFT)).isEqualTo("0");

        PartitionMaintenanceResult moved = maintenance(db, Instant.now()).run(false);

        assertThat(moved.sets().get(0).steps()).extracting(s -> s.kind()).contains("move");
        assertThat(cluster.queryString(db, "select count(*) from events_default"))
                .isEqualTo("0");
        assertThat(cluster.queryString(db, DRIFT)).as("after the move").isEqualTo("0");

        PartitionMaintenanceResult detached =
                maintenance(db, Instant.now().plus(Duration.ofDays(3650))).run(false);

        assertThat(detached.sets().get(0).steps()).extracting(s -> s.kind()).contains("detach");
        assertThat(cluster.queryString(db, "select count(*) from events")).isEqualTo("0");
        assertThat(cluster.queryString(db, "select count(*) from points_per_user"))
                .as("no group is left")
                .isEqualTo("0");
        assertThat(cluster.queryString(db, DRIFT)).as("after retention").isEqualTo("0");
    }
}
