package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Auto resolves on the caller's connection and leaves it open, so the backup session can go on using it. */
@WithPostgres
class BackupMethodIT {
    @Test
    void aServerWhoseDataDirectoryIsHereIsBackedUpLocallyOnTheSameConnection(TestCluster cluster) throws Exception {
        try (Connection connection = cluster.connect("postgres")) {
            assertThat(BackupMethod.AUTO.resolve(connection)).isEqualTo(BackupMethod.LOCAL);

            assertThat(connection.isClosed()).isFalse();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void aServerThatCannotShowItsDataDirectoryIsStreamed(TestCluster cluster) throws Exception {
        String role = "probe_" + System.nanoTime();
        cluster.execute("postgres", "create role " + role);
        try (Connection connection = cluster.connect("postgres")) {
            try (Statement s = connection.createStatement()) {
                s.execute("set role " + role);
            }
            assertThat(BackupMethod.AUTO.resolve(connection)).isEqualTo(BackupMethod.STREAM);
            assertThat(connection.isClosed()).isFalse();
        }
    }
}
