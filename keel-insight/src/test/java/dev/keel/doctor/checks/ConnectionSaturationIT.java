package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small max_connections, so the test can really use up nearly all of it. */
@WithPostgres(settings = "max_connections=20")
class ConnectionSaturationIT {
    private final TestCluster cluster;

    ConnectionSaturationIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void nearlyAllConnectionsInUseIsCritical() throws Exception {
        String db = cluster.createDatabase();
        assertThat(DoctorRuns.run(cluster, db, new ConnectionSaturation()).findings())
                .isEmpty();
        List<Connection> held = new ArrayList<>();
        try {
            // 20 less 3 reserved for superusers: 17 available; the doctor's own connection makes 16.
            for (int i = 0; i < 15; i++) {
                held.add(cluster.connect(db));
            }
            var report = DoctorRuns.run(cluster, db, new ConnectionSaturation());

            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(DoctorSeverity.CRITICAL);
                assertThat(f.evidence()).containsEntry("used", 16L).containsEntry("available", 17L);
                assertThat(f.summary()).startsWith("16 of 17 available connections are in use");
            });
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
