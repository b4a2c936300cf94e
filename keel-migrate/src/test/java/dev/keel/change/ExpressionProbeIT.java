package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

@WithPostgres
class ExpressionProbeIT {

    private static String table(TestCluster cluster) {
        String db = cluster.createDatabase();
        cluster.execute(
                db,
                "create table t (id int primary key, a int, b int);"
                        + " insert into t select i, case when i % 10 = 0 then null else i end, i from generate_series(1, 100) i;");
        return db;
    }

    @Test
    void countingSaysHowManyRowsAreNullAndTheCheapOneOnlyWhetherAny(TestCluster cluster) throws Exception {
        String db = table(cluster);
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(db))) {
            assertThat(ExpressionProbe.countingNulls(c).nullRows("public", "t", "a"))
                    .hasValue(10);
            assertThat(new ExpressionProbe(c).nullRows("public", "t", "a")).hasValue(1);
            assertThat(ExpressionProbe.countingNulls(c).nullRows("public", "t", "b"))
                    .hasValue(0);
            assertThat(new ExpressionProbe(c).nullRows("public", "t", "b")).hasValue(0);
            assertThat(ExpressionProbe.countingNulls(c).countsNulls()).isTrue();
            assertThat(new ExpressionProbe(c).countsNulls()).isFalse();
        }
    }

    @Test
    void aTableTheRoleMayNotReadIsNoAnswerAndLeavesTheConnectionUsable(TestCluster cluster) throws Exception {
        String db = table(cluster);
        cluster.execute(db, "drop role if exists probe_reader; create role probe_reader login");
        String url = cluster.jdbcUrl(db).replace("user=" + TestCluster.SUPERUSER, "user=probe_reader");
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(ExpressionProbe.countingNulls(c).nullRows("public", "t", "a"))
                    .isEqualTo(OptionalLong.empty());
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(new ExpressionProbe(c).type("bigint")).isEmpty();
            assertThat(new ExpressionProbe(c).type("no_such_type")).isPresent();
        }
    }
}
