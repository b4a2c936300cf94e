package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@WithPostgres(binaries = WithPostgres.Binaries.EMBEDDED)
class EmbeddedBinariesIT {

    @Test
    void runsTheBundledPostgres17(TestCluster cluster) {
        assertThat(cluster.majorVersion()).isEqualTo(17);
        assertThat(cluster.queryString("postgres", "show server_version_num")).startsWith("17");
        cluster.execute("postgres", "create extension if not exists pg_stat_statements");
        assertThat(cluster.queryString("postgres", "select count(*) >= 0 from pg_stat_statements"))
                .isEqualTo("t");
    }
}
