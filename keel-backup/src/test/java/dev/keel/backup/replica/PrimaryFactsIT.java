package dev.keel.backup.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** What a replica needs of its primary, refused before anything is made: a primary, and a role that may replicate. */
@WithPostgres
class PrimaryFactsIT {

    @Test
    void aSuperuserOnAPrimaryMayMakeAReplica(TestCluster primary) throws Exception {
        try (Connection c = primary.connect()) {
            PrimaryFacts facts = PrimaryFacts.read(c, "primary", true);
            assertThat(facts.majorVersion()).isEqualTo(primary.majorVersion());
            assertThat(facts.systemIdentifier()).matches("\\d+");
        }
    }

    @Test
    void aRoleWithoutReplicationIsRefusedWithTheStatementToRun(TestCluster primary) throws Exception {
        primary.execute("postgres", "create role reader login");
        try (Connection c = DriverManager.getConnection(
                primary.jdbcUrl().replace("user=" + TestCluster.SUPERUSER, "user=reader"))) {
            assertThatThrownBy(() -> PrimaryFacts.read(c, "primary", true))
                    .isInstanceOfSatisfying(KeelException.class, e -> {
                        assertThat(e.code()).isEqualTo(BackupError.REPLICATION_REFUSED);
                        assertThat(e.todo()).contains("ALTER ROLE reader WITH REPLICATION");
                    });
        } finally {
            primary.execute("postgres", "drop role reader");
        }
    }

    @Test
    void aStandbyIsNoPrimaryToFollow(TestCluster primary) throws Exception {
        try (TestCluster standby = primary.startStandby();
                Connection c = standby.connect()) {
            assertThatThrownBy(() -> PrimaryFacts.read(c, "standby", true))
                    .isInstanceOfSatisfying(
                            KeelException.class, e -> assertThat(e.code()).isEqualTo(BackupError.SERVER_UNSUPPORTED));
        }
    }
}
