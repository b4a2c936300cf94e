package dev.keel.jdbc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

@WithPostgres
class TableWritePositionsIT {
    private final TestCluster cluster;

    TableWritePositionsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void positionsRecordedThroughOneInstanceAreReadThroughAnother() {
        PGSimpleDataSource ds = dataSource();
        TableWritePositions first = new TableWritePositions(ds, "keel_routing.positions");
        TableWritePositions second = new TableWritePositions(ds, "keel_routing.positions");
        first.recordWrite("alice", 200);
        second.recordWrite("alice", 100);
        assertThat(second.lastWrite("alice")).isEqualTo(OptionalLong.of(200));
        assertThat(first.lastWrite("bob")).isEmpty();
        assertThat(cluster.queryString(
                        ds.getDatabaseName(),
                        "SELECT relpersistence FROM pg_class WHERE oid = 'keel_routing.positions'::regclass"))
                .as("unlogged: recording a position waits for no WAL flush")
                .isEqualTo("u");
    }

    @Test
    void forgettingKeepsAFloorForEveryKey() {
        PGSimpleDataSource ds = dataSource();
        TableWritePositions positions = new TableWritePositions(ds, "Positions With Spaces");
        positions.recordWrite("alice", 100);
        positions.recordWrite("bob", 300);
        positions.forgetUpTo(150);
        assertThat(positions.lastWrite("alice")).isEqualTo(OptionalLong.of(150));
        assertThat(positions.lastWrite("nobody")).isEqualTo(OptionalLong.of(150));
        assertThat(positions.lastWrite("bob")).isEqualTo(OptionalLong.of(300));
        assertThat(cluster.queryString(ds.getDatabaseName(), "SELECT count(*) FROM \"Positions With Spaces\""))
                .as("bob's row and the floor's")
                .isEqualTo("2");
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(cluster.jdbcUrl(cluster.createDatabase()));
        return ds;
    }
}
