package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import org.junit.jupiter.api.Test;

/**
 * A test cannot burn 500 million transaction ids, so it burns a few hundred and lowers the
 * thresholds just below the age it then measures: the ages are real, only the limits are small.
 */
@WithPostgres
class WraparoundAgeIT {
    private final TestCluster cluster;

    WraparoundAgeIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void anAgePastTheThresholdsFiresWarningThenCritical() {
        String db = cluster.createDatabase();
        for (int i = 0; i < 200; i++) {
            cluster.execute(db, "SELECT txid_current()");
        }
        long age = Long.parseLong(
                cluster.queryString(db, "SELECT max(age(datfrozenxid)) FROM pg_database WHERE datallowconn"));
        assertThat(age).isGreaterThanOrEqualTo(200);

        assertThat(DoctorRuns.run(cluster, db, new WraparoundAge()).findings()).isEmpty();
        var warning = DoctorRuns.run(cluster, db, new WraparoundAge(age - 100, Long.MAX_VALUE));
        assertThat(warning.byCheck("wraparound-age")).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat((Long) f.evidence().get("age")).isGreaterThanOrEqualTo(age);
            assertThat(f.summary()).contains("transaction ids old");
        });
        var critical = DoctorRuns.run(cluster, db, new WraparoundAge(age - 100, age - 50));
        assertThat(critical.principal().severity()).isEqualTo(DoctorSeverity.CRITICAL);
    }
}
