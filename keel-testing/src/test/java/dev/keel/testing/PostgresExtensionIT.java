package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@WithPostgres(settings = "work_mem=7MB")
class PostgresExtensionIT {

    @Test
    void givesARunningClusterWithTheRequestedSettings(TestCluster cluster) {
        assertThat(cluster.queryString("postgres", "show work_mem")).isEqualTo("7MB");
        assertThat(cluster.queryString("postgres", "show shared_preload_libraries"))
                .contains("pg_stat_statements");
        assertThat(cluster.queryString("postgres", "show fsync")).isEqualTo("off");
    }

    @Test
    void survivesKillNineAndRestart(TestCluster cluster) {
        String db = cluster.createDatabase();
        cluster.execute(db, "create table t (id int); insert into t values (1)");
        cluster.execute(db, "checkpoint");
        cluster.kill9();
        assertThat(cluster.cluster().isRunning()).isFalse();
        cluster.start();
        assertThat(cluster.queryString(db, "select count(*) from t")).isEqualTo("1");
    }

    @Test
    void freshDatabasesAreEmpty(TestCluster cluster) {
        String a = cluster.createDatabase();
        String b = cluster.createDatabase();
        assertThat(a).isNotEqualTo(b);
        assertThat(cluster.queryString(b, "select count(*) from pg_tables where schemaname = 'public'"))
                .isEqualTo("0");
    }
}
