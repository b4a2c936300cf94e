package dev.keel.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class LoopbackServerIT {

    @Test
    void startsOnTheLoopbackAddressWithKeelsHbaFileAndStops(TestCluster cluster, @TempDir Path dir) throws Exception {
        PostgresBinaries binaries = cluster.cluster().binaries();
        Path data = dir.resolve("data");
        new PostgresCluster(binaries, data).init("keeltest", Map.of(), false);
        Path hba = dir.resolve("hba.conf");
        Files.writeString(hba, "host all all 127.0.0.1/32 trust\n");

        LoopbackServer server =
                LoopbackServer.start(binaries, data, "keeltest", hba, Map.of("work_mem", "7MB"), Duration.ofMinutes(1));
        try (Connection c = server.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('listen_addresses'), current_setting('hba_file'),"
                        + " current_setting('work_mem')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
            assertThat(rs.getString(2)).isEqualTo(hba.toString());
            assertThat(rs.getString(3)).isEqualTo("7MB");
        } finally {
            server.stop();
        }
        assertThat(server.cluster().isRunning()).isFalse();
    }

    @Test
    void aStartThatFailsSaysWhyInTheServersOwnWords(TestCluster cluster, @TempDir Path dir) throws Exception {
        PostgresBinaries binaries = cluster.cluster().binaries();
        Path data = dir.resolve("data");
        new PostgresCluster(binaries, data).init("keeltest", Map.of(), false);
        Path hba = dir.resolve("hba.conf");
        Files.writeString(hba, "host all all 127.0.0.1/32 trust\n");

        assertThatThrownBy(() -> LoopbackServer.start(
                        binaries, data, "keeltest", hba, Map.of("shared_buffers", "not-a-size"), Duration.ofMinutes(1)))
                .isInstanceOf(LoopbackServer.FailedStart.class)
                .hasMessageContaining("shared_buffers")
                .satisfies(e -> assertThat(((LoopbackServer.FailedStart) e).logFile())
                        .isEqualTo(new PostgresCluster(binaries, data).logFile()));
    }
}
