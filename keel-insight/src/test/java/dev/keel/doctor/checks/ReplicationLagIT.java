package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * A real standby in miniature: a physical replication stream that confirms one position and then
 * stops reading, the way a stalled or overloaded standby does. WAL written afterwards is lag.
 */
@WithPostgres
class ReplicationLagIT {
    private final TestCluster cluster;

    ReplicationLagIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aStandbyThatStopsConfirmingFallsBehindAndFires() throws Exception {
        String db = cluster.createDatabase();
        ReplicationLag check = new ReplicationLag(1L << 20, Duration.ofMinutes(30), Duration.ofHours(1));
        assertThat(DoctorRuns.run(cluster, db, check).findings()).isEmpty();

        Properties props = new Properties();
        PGProperty.USER.set(props, TestCluster.SUPERUSER);
        PGProperty.REPLICATION.set(props, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "10");
        PGProperty.PREFER_QUERY_MODE.set(props, "simple");
        PGProperty.APPLICATION_NAME.set(props, "stalled_standby");
        try (Connection replication = DriverManager.getConnection(cluster.jdbcUrl(db), props)) {
            LogSequenceNumber start;
            try (Connection c = cluster.connect(db);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()")) {
                rs.next();
                start = LogSequenceNumber.valueOf(rs.getString(1));
            }
            PGReplicationStream stream = replication
                    .unwrap(PGConnection.class)
                    .getReplicationAPI()
                    .replicationStream()
                    .physical()
                    .withStartPosition(start)
                    .start();
            stream.setFlushedLSN(start);
            stream.setAppliedLSN(start);
            stream.forceUpdateStatus();
            // From here on nothing is read or confirmed.
            cluster.execute(
                    db,
                    "CREATE TABLE filler AS SELECT g, repeat('x', 200) AS payload FROM generate_series(1, 30000) g");

            var report = DoctorRuns.until(r -> !r.findings().isEmpty(), Duration.ofSeconds(10), cluster, db, check);
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
                assertThat(f.evidence()).containsEntry("application", "stalled_standby");
                assertThat((Long) f.evidence().get("lagBytes")).isGreaterThan(1L << 20);
                assertThat(f.summary()).contains("stalled_standby").contains("behind");
            });
            stream.close();
        }
    }
}
