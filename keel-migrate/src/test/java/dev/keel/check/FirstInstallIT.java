package dev.keel.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh database is not a live table: the first install of a history that builds, renames and
 * drops its own objects applies without a false alarm (a real 340-migration history was refused
 * with 19 of them and nothing applied).
 */
@WithPostgres
class FirstInstallIT {
    private static final String SEVENTY = "orders_customer_id_created_at_status_shipping_country_region_idx_longr";
    private final TestCluster cluster;

    FirstInstallIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aHistoryThatBuildsItsOwnObjectsAppliesOnAnEmptyDatabase(@TempDir Path dir) {
        String db = cluster.createDatabase();
        TestProject project = TestProject.in(dir)
                .migration("V1__mv.sql", """
                        CREATE TABLE t(id bigint PRIMARY KEY, a int);
                        CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
                        CREATE UNIQUE INDEX mv_id ON mv(id);
                        """)
                .migration("V2__index.sql", "CREATE INDEX i1 ON t(a);\nCREATE INDEX " + SEVENTY + " ON t(id, a);")
                .migration(
                        "V3__rename.sql",
                        "ALTER INDEX i1 RENAME TO i2;\nDROP INDEX i2;\nDROP INDEX " + SEVENTY.substring(0, 63) + ";")
                .migration("V10__drop.sql", "DROP TABLE IF EXISTS x;");
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(db), null, null)
                .projectDir(project.dir())
                .load();
        assertThat(keel.migrate().count()).isEqualTo(4);
        assertThat(cluster.queryString(db, "select count(*) from pg_indexes where tablename = 't'"))
                .isEqualTo("1");
    }
}
