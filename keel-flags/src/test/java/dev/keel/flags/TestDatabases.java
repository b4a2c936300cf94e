package dev.keel.flags;

import dev.keel.connect.ConnectionSource;
import dev.keel.testing.TestCluster;
import org.postgresql.ds.PGSimpleDataSource;

/** A plain driver DataSource on a test cluster's database, as an application without a pool has. */
final class TestDatabases {
    private TestDatabases() {}

    static PGSimpleDataSource dataSource(TestCluster cluster, String db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(cluster.jdbcUrl(db));
        return ds;
    }

    static ConnectionSource source(TestCluster cluster, String db) {
        return ConnectionSource.of(dataSource(cluster, db));
    }

    static ConnectionSource sourceAs(TestCluster cluster, String db, String role) {
        PGSimpleDataSource ds = dataSource(cluster, db);
        ds.setURL(cluster.jdbcUrl(db).replace("user=" + TestCluster.SUPERUSER, "user=" + role));
        return ConnectionSource.of(ds);
    }
}
