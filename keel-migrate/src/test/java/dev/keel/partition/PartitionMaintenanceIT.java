package dev.keel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.change.ChangeSettings;
import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.ddl.LockRetryPolicy;
import dev.keel.ddl.LockSafeDdl;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.Keel;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel partitions maintain on a real cluster: a monthly set declared by create_partitioned_table through migrate. */
@WithPostgres
class PartitionMaintenanceIT {
    private static final String CHANGE = """
            operations:
              - create_partitioned_table:
                  name: events
                  columns:
                    - {name: id, type: bigint, primary_key: true}
                    - {name: at, type: timestamptz, primary_key: true}
                  partition_by: {column: at, interval: 1 month, premake: 2, retention: 3 months, retention_action: drop, grace: 7 days}
                  template: {settings: {fillfactor: 80}}
            """;

    private final TestCluster cluster;
    private String db;
    private Path project;

    PartitionMaintenanceIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void declared(@TempDir Path dir) throws Exception {
        db = cluster.createDatabase();
        project = dir;
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__events.yaml"), CHANGE);
        migrated();
    }

    private void migrated() throws Exception {
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(project)
                .changes(ChangeSettings.DEFAULTS)
                .load();
        keel.migrate();
        keel.complete();
    }

    private PartitionMaintenance maintenance(Instant now, List<String> log) {
        ConnectionSource source = ConnectionSource.of(TargetParser.parse(cluster.jdbcUrl(db), null, null, "test"));
        return new PartitionMaintenance(
                source,
                "keel",
                new LockRetryPolicy(Duration.ofMillis(200), 3),
                Clock.fixed(now, ZoneOffset.UTC),
                log::add);
    }

    private PartitionMaintenance maintenance(Instant now) {
        return maintenance(now, new ArrayList<>());
    }

    private String query(String sql) {
        return cluster.queryString(db, sql);
    }

    private String partitions() {
        return query("select string_agg(c.relname, ' ' order by c.relname) from pg_inherits i join pg_class c on"
                + " c.oid = i.inhrelid where i.inhparent = 'public.events'::regclass");
    }

    @Test
    void aSecondRunFindsNothingToDo() {
        Instant now = Instant.now();
        assertThat(maintenance(now).run(false).changes()).isZero();
        Instant later = now.plus(Duration.ofDays(62));
        PartitionMaintenanceResult first = maintenance(later).run(false);
        assertThat(first.changes()).isPositive();
        assertThat(first.sets().get(0).steps()).allMatch(s -> s.kind().equals("create"));
        assertThat(maintenance(later).run(false).changes()).isZero();
    }

    @Test
    void aDryRunPlansAndChangesNothing() {
        String before = partitions();
        PartitionMaintenanceResult dry =
                maintenance(Instant.now().plus(Duration.ofDays(62))).run(true);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.changes()).isPositive();
        assertThat(partitions()).isEqualTo(before);
    }

    @Test
    void aRunInterruptedHalfWayIsFinishedByTheNext() {
        Instant later = Instant.now().plus(Duration.ofDays(62));
        List<PartitionMaintenanceResult.Step> planned =
                maintenance(later).run(true).sets().get(0).steps();
        assertThat(planned).hasSizeGreaterThan(1);
        // What a run killed after its first step leaves: that partition and nothing else.
        String first = planned.get(0).partition();
        cluster.execute(
                db,
                "create table public." + first + " partition of public.events for values from (" + bounds(first) + ")");
        PartitionMaintenanceResult resumed = maintenance(later).run(false);
        assertThat(resumed.sets().get(0).steps())
                .extracting(s -> s.partition())
                .containsExactlyElementsOf(planned.subList(1, planned.size()).stream()
                        .map(PartitionMaintenanceResult.Step::partition)
                        .toList());
        assertThat(maintenance(later).run(false).changes()).isZero();
    }

    private String bounds(String partition) {
        // events_pYYYY_MM
        int year = Integer.parseInt(partition.substring(8, 12));
        int month = Integer.parseInt(partition.substring(13, 15));
        LocalDate from = LocalDate.of(year, month, 1);
        return "'" + from + " 00:00:00+00') to ('" + from.plusMonths(1) + " 00:00:00+00'";
    }

    @Test
    void twoRunsAtOnceDoTheWorkOnceAndBothSucceed() throws Exception {
        Instant later = Instant.now().plus(Duration.ofDays(120));
        int expected = maintenance(later).run(true).changes();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<PartitionMaintenanceResult> results = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    results.add(maintenance(later).run(false));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results.stream()
                        .mapToInt(PartitionMaintenanceResult::changes)
                        .sum())
                .as("each step done by one of them")
                .isEqualTo(expected);
        assertThat(maintenance(later).run(false).changes()).isZero();
    }

    @Test
    void twoProcessesAtOnceDoTheWorkOnce(@TempDir Path dir) {
        Instant later = Instant.now().plus(Duration.ofDays(200));
        int expected = maintenance(later).run(true).changes();
        List<JavaProcess> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(JavaProcess.start(
                    PartitionMaintenanceMain.class.getName(),
                    dir,
                    Map.of(),
                    List.of(cluster.jdbcUrl(db), Long.toString(later.getEpochSecond()))));
        }
        int total = 0;
        for (JavaProcess run : runs) {
            assertThat(run.waitFor(60)).as(run.stderr()).isZero();
            total += Integer.parseInt(run.stdout().strip().replace("changes=", ""));
        }
        assertThat(total).as("each step done by one of them").isEqualTo(expected);
        assertThat(maintenance(later).run(false).changes()).isZero();
    }

    @Test
    void aSetAnotherRunHoldsIsSkipped() throws Exception {
        try (Connection other = cluster.connect(db);
                Statement s = other.createStatement()) {
            s.execute("select pg_advisory_lock(hashtext('keel.partitions'), hashtext('public.events'))");
            PartitionMaintenanceResult result =
                    maintenance(Instant.now().plus(Duration.ofDays(62))).run(false);
            assertThat(result.sets().get(0).skipped()).isEqualTo(PartitionMaintenance.BUSY);
            assertThat(result.changes()).isZero();
        }
    }

    @Test
    void rowsInTheDefaultPartitionAreMovedIntoTheirOwnPartition() {
        cluster.execute(
                db,
                "alter table events add column day date generated always as ((timezone('UTC', at))::date)" + " stored");
        cluster.execute(
                db,
                "insert into events select g, now() - interval '40 days' + g * interval '1 second'"
                        + " from generate_series(1, 50) g");
        cluster.execute(db, "insert into events values (100, now())");
        assertThat(query("select count(*) from events_default")).isEqualTo("50");
        PartitionMaintenanceResult result = maintenance(Instant.now()).run(false);
        assertThat(result.sets().get(0).steps()).extracting(s -> s.kind()).contains("move");
        assertThat(query("select count(*) from events_default")).isEqualTo("0");
        assertThat(query("select count(*) from events")).isEqualTo("51");
        assertThat(query("select count(*) from events where day = (timezone('UTC', at))::date"))
                .isEqualTo("51");
        assertThat(query("select count(*) from pg_class where relname like 'events_p%' and relkind = 'r'"
                        + " and reloptions @> array['fillfactor=80']"))
                .as("the moved-into partition has the template's settings too")
                .isEqualTo(query("select count(*) from pg_class where relname like 'events_p%' and relkind = 'r'"));
        assertThat(maintenance(Instant.now()).run(false).changes()).isZero();
    }

    /** Groups where the counter and the table disagree, both ways. */
    private static final String COUNTER_DRIFT = "select count(*) from ((select user_id, count(*), sum(points) from"
            + " events where points > 0 group by user_id except select user_id, count, sum from points_per_user)"
            + " union all (select user_id, count, sum from points_per_user except select user_id, count(*),"
            + " sum(points) from events where points > 0 group by user_id)) d";

    /** Maintenance moves rows past a counter's triggers: out of the default partition, and out by retention. */
    @Test
    void aCounterOnTheTableStaysExactThroughMovesAndRetention() throws Exception {
        cluster.execute(db, "alter table events add column user_id int, add column points int");
        Files.writeString(
                project.resolve("db/migrations/V2__points_per_user.yaml"),
                "operations:\n  - create_counter: {name: points_per_user, table: events, group_by: [user_id], sum:"
                        + " points, where: \"points > 0\"}\n");
        migrated();
        cluster.execute(
                db,
                "insert into events select g, now() - interval '40 days' + g * interval '1 minute', g % 7, g % 5"
                        + " from generate_series(1, 300) g");
        cluster.execute(db, "insert into events select 1000 + g, now(), g % 7, g % 3 from generate_series(1, 200) g");
        assertThat(query("select count(*) from events_default")).isEqualTo("300");

        assertThat(maintenance(Instant.now()).run(false).sets().get(0).steps())
                .extracting(s -> s.kind())
                .contains("move");
        assertThat(query("select count(*) from events_default")).isEqualTo("0");
        assertThat(query(COUNTER_DRIFT)).as("after the move").isEqualTo("0");

        assertThat(maintenance(Instant.now().plus(Duration.ofDays(3650)))
                        .run(false)
                        .sets()
                        .get(0)
                        .steps())
                .extracting(s -> s.kind())
                .contains("detach");
        assertThat(query("select count(*) from events")).isEqualTo("0");
        assertThat(query("select count(*) from points_per_user"))
                .as("no group is left")
                .isEqualTo("0");
        assertThat(query(COUNTER_DRIFT)).as("after retention").isEqualTo("0");
    }

    @Test
    void retentionDetachesThenDropsAfterTheGrace() {
        Instant farAhead = Instant.now().plus(Duration.ofDays(3650));
        // Ten years on, the three partitions made at start are past retention; three are made ahead first.
        PartitionMaintenanceResult detached = maintenance(farAhead).run(false);
        assertThat(detached.sets().get(0).steps()).extracting(s -> s.kind()).contains("create", "detach");
        assertThat(query("select count(*) from keel.partitions_detached where drop_after is not null"))
                .isEqualTo("3");
        assertThat(query("select count(*) from pg_inherits where inhparent = 'public.events'::regclass"))
                .as("the default partition and the three made ahead")
                .isEqualTo("4");
        assertThat(maintenance(farAhead).run(false).changes()).isZero();
        PartitionMaintenanceResult dropped =
                maintenance(farAhead.plus(Duration.ofDays(8))).run(false);
        assertThat(dropped.sets().get(0).steps())
                .extracting(s -> s.kind())
                .contains("drop")
                .doesNotContain("detach");
        assertThat(query("select count(*) from keel.partitions_detached")).isEqualTo("0");
        assertThat(query("select count(*) from pg_inherits where inhparent = 'public.events'::regclass"
                        + " and inhrelid::regclass::text like 'events_p%'"))
                .isEqualTo(query("select count(*) from pg_class where relname like 'events_p%' and relkind = 'r'"));
    }

    @Test
    void aLockItCannotGetFailsTheRunWithoutHarmAndTheNextRunFinishes() throws Exception {
        Instant later = Instant.now().plus(Duration.ofDays(62));
        List<String> log = new ArrayList<>();
        try (Connection reader = cluster.connect(db);
                Statement s = reader.createStatement()) {
            reader.setAutoCommit(false);
            // A long transaction that read the table: creating a partition waits for it, and must not wait long.
            s.execute("lock table events in access share mode");
            // The lock-safe runner's own failure: it names what held the lock.
            assertThatThrownBy(() -> maintenance(later, log).run(false))
                    .isInstanceOf(KeelException.class)
                    .satisfies(e -> assertThat(((KeelException) e).code()).isEqualTo(CoreError.LOCK_TIMEOUT));
            reader.rollback();
        }
        assertThat(log).anyMatch(line -> line.startsWith("lock timeout on \"public\".\"events\" (try 1 of"));
        assertThat(maintenance(later).run(false).changes()).isPositive();
        assertThat(maintenance(later).run(false).changes()).isZero();
    }

    @Test
    void rowsThatReachTheDefaultPartitionAfterPlanningAreMovedInsteadOfFailingTheCreate() throws Exception {
        Instant later = Instant.now().plus(Duration.ofDays(95));
        PartitionMaintenanceResult.Step planned =
                maintenance(later).run(true).sets().get(0).steps().get(0);
        assertThat(planned.kind()).isEqualTo("create");
        PartitionInterval month = PartitionInterval.parse("1 month", KeyType.TIMESTAMPTZ);
        long bucket = month.bucketOf(later.getEpochSecond());
        // A row of that month arrives between the plan and the create: PostgreSQL would refuse the partition.
        cluster.execute(db, "insert into events values (1, " + month.literal(month.lower(bucket)) + ")");
        try (Connection c = cluster.connect(db);
                LockSafeDdl ddl = new LockSafeDdl(c, null, Cancellation.none())) {
            PartitionSet set = new PartitionSets("keel").all(c).get(0);
            c.createStatement().execute("SET TIME ZONE 'UTC'");
            new PartitionStepRunner(
                            c,
                            ddl,
                            new LockRetryPolicy(Duration.ofMillis(200), 3),
                            new PartitionSets("keel"),
                            set,
                            line -> {})
                    .run(new PartitionStep(
                            PartitionStep.Kind.CREATE,
                            month.partitionName("events", bucket),
                            month.lower(bucket),
                            month.lower(bucket + 1),
                            null,
                            "create"));
        }
        assertThat(query("select count(*) from events_default")).isEqualTo("0");
        assertThat(query("select count(*) from " + month.partitionName("events", bucket)))
                .isEqualTo("1");
    }

    @Test
    void withoutADefaultPartitionRetentionDetachesConcurrently() {
        cluster.execute(db, "drop table events_default");
        Instant farAhead = Instant.now().plus(Duration.ofDays(3650));

        PartitionMaintenanceResult result = maintenance(farAhead).run(false);

        assertThat(result.sets().get(0).steps()).extracting(s -> s.kind()).contains("detach");
        assertThat(query("select count(*) from pg_inherits where inhparent = 'public.events'::regclass"))
                .as("the three made ahead")
                .isEqualTo("3");
        assertThat(query("select count(*) from keel.partitions_detached d join pg_class c on c.relname = d.partition"
                        + " where c.relispartition"))
                .as("detached, recorded, and no longer a partition")
                .isEqualTo("0");
        assertThat(query("select count(*) from keel.partitions_detached")).isEqualTo("3");
        assertThat(maintenance(farAhead).run(false).changes()).isZero();
    }

    @Test
    void nothingDeclaredIsNothingToDo() throws Exception {
        cluster.execute(db, "drop table keel.partition_sets cascade");
        assertThat(maintenance(Instant.now()).run(false).sets()).isEmpty();
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
    }
}
