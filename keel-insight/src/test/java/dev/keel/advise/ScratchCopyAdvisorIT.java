package dev.keel.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** Index advice without hypopg: the embedded PostgreSQL 17 has none, so candidates are built on a scratch copy. */
@WithPostgres(binaries = WithPostgres.Binaries.EMBEDDED)
class ScratchCopyAdvisorIT {
    private final TestCluster cluster;

    ScratchCopyAdvisorIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void proposesTheMissingIndexAfterBuildingItOnACopyAndDropsTheCopy() throws Exception {
        String db = ShopLoad.database(cluster);
        ShopLoad.run(cluster, db, ShopLoad.BY_USER, 1, 300);

        IndexAdvice advice;
        try (Connection c = cluster.connect(db)) {
            advice = IndexAdvisor.advise(c, ShopLoad.options());
        }

        assertThat(advice.verifiedWith()).isEqualTo("scratch copy");
        assertThat(advice.notes()).anySatisfy(n -> assertThat(n).contains("hypopg is not installed"));
        assertThat(advice.proposals()).singleElement().satisfies(p -> {
            assertThat(p.table() + p.columns()).isEqualTo("orders[user_id]");
            assertThat(p.helps())
                    .singleElement()
                    .satisfies(g -> assertThat(g.factor()).isGreaterThanOrEqualTo(2.0));
            assertThat(p.estimatedBytes()).isPositive();
        });
        assertThat(cluster.queryString(db, "SELECT to_regnamespace('keel_advise_scratch')"))
                .isNull();
        assertThat(cluster.queryString(db, "SELECT count(*) FROM pg_indexes WHERE tablename = 'orders'"))
                .isEqualTo("1");
    }

    @Test
    void proposesNothingForAFilterMatchingMostRowsNorWhenTheIndexExists() throws Exception {
        String db = ShopLoad.database(cluster);
        cluster.execute(db, "CREATE INDEX orders_by_user ON orders (user_id)");
        ShopLoad.run(cluster, db, ShopLoad.BY_USER, 1, 300);
        ShopLoad.run(cluster, db, ShopLoad.BY_STATUS, "paid", 300);

        try (Connection c = cluster.connect(db)) {
            IndexAdvice advice = IndexAdvisor.advise(c, ShopLoad.options());
            assertThat(advice.statementsExamined()).isGreaterThanOrEqualTo(2);
            assertThat(advice.proposals()).isEmpty();
        }
    }
}
