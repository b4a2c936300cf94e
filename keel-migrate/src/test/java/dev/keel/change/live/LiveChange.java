package dev.keel.change.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.ChangeSettings;
import dev.keel.migrate.AppliedMigration;
import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrateResult;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.live.ApplicationStatements;
import dev.keel.testing.live.OperationHarness;
import dev.keel.testing.live.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * One change file run by keel's real engine (the Keel facade: migrate, complete, rollback, with its own batched
 * backfill) under keel-testing's live-load harness. Table {@code orders} (4000 rows; every tenth note NULL, as on a
 * table that grew without the rule a change adds) is V1; the change is V2, so {@code public_v1} presents the old
 * shape and {@code public_v2} the new one.
 *
 * <p>Start runs migrate on a thread of its own and returns once the start's transaction has committed and the
 * backfill has reported its first batch; the backfill step lets it go on and waits for it. The new version is thus
 * launched while almost all of the backfill is still to come.
 */
final class LiveChange {
    static final int ROWS = 4000;
    static final String ORDERS =
            "create table orders (id bigint primary key, note text, amount int not null default 0);"
                    + " insert into orders select g, case when g % 10 = 0 then null else 'note ' || g end, g"
                    + " from generate_series(1, " + ROWS + ") g;";
    static final String OLD_PATH = "public_v1, public";
    /** Batches of 250 with a pause between them: the backfill of the table takes 16 of them. */
    static final ChangeSettings SETTINGS =
            new ChangeSettings(Duration.ofMillis(300), 10, 250, Duration.ofMillis(20), Duration.ofSeconds(30));

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final TestCluster cluster;
    private final String db;
    private final boolean backfills;
    private final BackfillGate gate = new BackfillGate();
    private final Keel keel;
    private final String version;
    private final String oldPath;
    private final String newPath;
    /** The version schemas before the change: the old version's, which the change must leave as it found it. */
    private final String schemasBefore;

    private Thread migrating;
    private volatile MigrateResult started;
    private volatile Throwable failure;

    /**
     * @param setup SQL run in V1 after orders is created: the objects a change drops or refers to
     * @param first a change run as V2 and completed before this one, which is then V3 (null for none): the old
     *     version then runs through {@code public_v2}, the schema the completed change left, and the new one
     *     through {@code public_v3}
     * @param backfills whether the change converts existing rows (the run then proves the new version ran during
     *     the backfill)
     */
    LiveChange(TestCluster cluster, Path dir, String setup, String first, String change, boolean backfills)
            throws IOException {
        this.cluster = cluster;
        this.db = cluster.createDatabase();
        this.backfills = backfills;
        this.version = first == null ? "2" : "3";
        this.oldPath = first == null ? OLD_PATH : "public_v2";
        this.newPath = "public_v" + version;
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__orders.sql"), ORDERS + " " + setup);
        this.keel = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .changes(SETTINGS)
                .listener(gate)
                .load();
        keel.migrate();
        if (first != null) {
            Files.writeString(migrations.resolve("V2__first.yaml"), first);
            keel.migrate();
            keel.complete();
        }
        this.schemasBefore = versionSchemas();
        Files.writeString(migrations.resolve("V" + version + "__change.yaml"), change);
    }

    /** Old and new application versions through their schemas; the caller adds the comparison. */
    OperationHarness harness(Random random, ApplicationStatements old, ApplicationStatements next) {
        return OperationHarness.on(cluster.jdbcUrl(db), random)
                .existingRows(ROWS)
                .oldSide(Side.of("old", oldPath, old))
                .newSide(Side.of("new", newPath, next));
    }

    void start() {
        migrating = new Thread(
                () -> {
                    try {
                        started = keel.migrate();
                    } catch (Throwable t) {
                        failure = t;
                    }
                },
                "keel-migrate");
        migrating.setDaemon(true);
        migrating.start();
        Eventually.await(
                LIMIT,
                "keel's start to commit and report its first backfill batch (or to end)",
                () -> gate.reached() || !migrating.isAlive());
    }

    void backfill() throws InterruptedException {
        gate.open();
        migrating.join(LIMIT.toMillis());
        if (migrating.isAlive()) {
            throw new AssertionError("keel's migrate did not end within " + LIMIT);
        }
        if (failure != null) {
            throw new AssertionError("keel's migrate failed: " + failure, failure);
        }
        assertThat(started.activeChange())
                .as("the change is active after migrate")
                .isEqualTo(version);
        if (backfills) {
            assertThat(gate.reached())
                    .as("the backfill reported a batch while the new version was launched")
                    .isTrue();
        }
    }

    void complete() {
        keel.complete();
    }

    void rollback() {
        keel.rollback();
    }

    /** Only the new version's schema is left, now plain views of the tables; nothing start added remains. */
    void assertCompleted() {
        assertEnded(AppliedMigration.COMPLETE);
        assertThat(versionSchemas()).isEqualTo(newPath);
    }

    /** The version schemas are as before (none, or the old version's), and nothing start added is left. */
    void assertRolledBack() {
        assertEnded(AppliedMigration.ROLLED_BACK);
        assertThat(versionSchemas()).isEqualTo(schemasBefore);
    }

    private void assertEnded(String phase) {
        assertThat(keel.status().active()).isFalse();
        assertThat(query("select phase from keel.schema_history where version = '" + version + "'"
                        + " order by installed_rank desc limit 1"))
                .isEqualTo(phase);
        assertThat(query("select count(*) from pg_attribute a join pg_class c on c.oid = a.attrelid"
                        + " where c.relnamespace = 'public'::regnamespace and a.attname like '\\_keel%'"
                        + " and not a.attisdropped"))
                .as("shadow columns left")
                .isEqualTo("0");
        assertThat(query("select count(*) from pg_trigger where tgname like '\\_keel%'"))
                .as("dual-write triggers left")
                .isEqualTo("0");
        assertThat(query("select count(*) from pg_proc where proname like '\\_keel%'"))
                .as("trigger functions left")
                .isEqualTo("0");
        assertThat(query("select count(*) from pg_constraint where conname like '\\_keel%'"))
                .as("checks standing for NOT NULL left")
                .isEqualTo("0");
        assertThat(query("select count(*) from pg_index where not indisvalid"))
                .as("invalid indexes left")
                .isEqualTo("0");
    }

    private String versionSchemas() {
        return query("select coalesce(string_agg(nspname, ',' order by nspname), '') from pg_namespace"
                + " where nspname like 'public\\_v%'");
    }

    /** Each column of a table in the public schema as {@code name type [not null]}, in order. */
    String columns(String table) {
        return query("select string_agg(attname || ' ' || format_type(atttypid, atttypmod)"
                + " || case when attnotnull then ' not null' else '' end, ', ' order by attnum)"
                + " from pg_attribute where attrelid = 'public." + table + "'::regclass and attnum > 0"
                + " and not attisdropped");
    }

    String query(String sql) {
        return cluster.queryString(db, sql);
    }
}
