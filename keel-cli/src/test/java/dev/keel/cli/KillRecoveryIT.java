package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrating keel process is killed with SIGKILL at 20 different points; the next migrate completes,
 * the history matches the schema, and no transactional migration is half-applied.
 */
@WithPostgres
class KillRecoveryIT {
    private static final int MIGRATIONS = 30;
    private static final int KILL_POINTS = 20;

    @TempDir
    static Path dir;

    @BeforeAll
    static void project() {
        TestProject project = TestProject.in(dir);
        for (int i = 1; i <= MIGRATIONS; i++) {
            if (i % 10 == 5) {
                // A migration without a transaction, killed mid-build, leaves an INVALID index to clean up.
                project.migration(
                        "V" + i + "__index_" + i + ".sql",
                        "create index concurrently if not exists t_" + (i - 1) + "_note on t_" + (i - 1) + " (note);");
            } else {
                // Two statements with a pause between them: a kill lands inside the transaction often.
                project.migration(
                        "V" + i + "__table_" + i + ".sql",
                        "create table t_" + i + " (id bigint primary key, note text);\n"
                                + "select pg_sleep(0.03);\n"
                                + "insert into t_" + i + " select g, 'row ' || g from generate_series(1, 100) g;");
            }
        }
    }

    @Test
    void theNextRunFinishesWhatAKilledRunLeft(TestCluster cluster) throws Exception {
        TreeSet<Integer> killedAt = new TreeSet<>();
        for (int point = 0; point < KILL_POINTS; point++) {
            String db = cluster.createDatabase();
            JavaProcess victim = Cli.start(dir, Map.of(), "--url", cluster.jdbcUrl(db), "migrate");
            // Kill points spread over the run: before it connects, and after 0, 1, 2 … applied migrations.
            int appliedBeforeKill = point == 0 ? -1 : (point - 1) * MIGRATIONS / (KILL_POINTS - 1);
            waitUntilApplied(cluster, db, appliedBeforeKill, victim);
            victim.kill9();
            killedAt.add(Integer.parseInt(applied(cluster, db)));

            Cli.Run next = Cli.run("--url", cluster.jdbcUrl(db), "-C", dir.toString(), "migrate");
            assertThat(next.exitCode())
                    .as("kill point %d: %s", point, next.stderr())
                    .isZero();
            assertHistoryMatchesSchema(cluster, db);
        }
        assertThat(killedAt)
                .as("distinct kill points (migrations applied when killed)")
                .hasSizeGreaterThanOrEqualTo(10);
    }

    private static void waitUntilApplied(TestCluster cluster, String db, int count, JavaProcess victim)
            throws InterruptedException {
        if (count < 0) {
            return;
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && victim.isAlive()) {
            if (Integer.parseInt(applied(cluster, db)) > count) {
                return;
            }
            Thread.sleep(5);
        }
    }

    private static String applied(TestCluster cluster, String db) {
        if ("t".equals(cluster.queryString(db, "select to_regclass('keel.schema_history') is null"))) {
            return "0";
        }
        return cluster.queryString(db, "select count(*) from keel.schema_history");
    }

    private static void assertHistoryMatchesSchema(TestCluster cluster, String db) {
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history where success"))
                .isEqualTo(String.valueOf(MIGRATIONS));
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history where not success"))
                .isEqualTo("0");
        int tables = MIGRATIONS - MIGRATIONS / 10;
        assertThat(cluster.queryString(db, "select count(*) from pg_tables where tablename like 't\\_%'"))
                .isEqualTo(String.valueOf(tables));
        // Every table holds all of its rows: no transactional migration stopped half-way.
        assertThat(cluster.queryString(
                        db,
                        "select count(*) from (select tablename from pg_tables where tablename like 't\\_%') t "
                                + "where (xpath('/row/c/text()', query_to_xml('select count(*) as c from ' || quote_ident(t.tablename),"
                                + " false, true, '')))[1]::text <> '100'"))
                .isEqualTo("0");
        assertThat(cluster.queryString(
                        db,
                        "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid "
                                + "where c.relname like 't\\_%\\_note' and i.indisvalid"))
                .isEqualTo(String.valueOf(MIGRATIONS / 10));
        assertThat(cluster.queryString(db, "select count(*) from pg_index where not indisvalid"))
                .isEqualTo("0");
    }
}
