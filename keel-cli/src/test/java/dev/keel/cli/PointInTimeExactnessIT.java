package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point-in-time recovery is exact: a writer commits numbered rows one by one and notes, right after
 * each commit, the WAL insert position and the server's clock. A restore to either, for ten random
 * rows, holds exactly the rows committed up to that one. The position after commit k lies before
 * the first record of transaction k + 1, and the clock reading lies between the two commits' times.
 */
@WithPostgres
class PointInTimeExactnessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 400;

    private final TestCluster cluster;

    @TempDir
    Path dir;

    PointInTimeExactnessIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    private record Mark(long id, String lsn, String time) {}

    @Test
    void tenRandomTargetsEachHoldExactlyTheRowsCommittedUpToThem() throws Exception {
        Path repo = dir.resolve("repo");
        cluster.execute("postgres", "create table numbered (id bigint primary key)");
        assertThat(keel(repo, "backup", "init").exitCode()).isZero();
        Cli.Run backup = keel(repo, "backup");
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();

        List<Mark> marks = new ArrayList<>();
        try (Connection c = cluster.connect("postgres");
                PreparedStatement insert = c.prepareStatement("insert into numbered values (?)");
                PreparedStatement mark =
                        c.prepareStatement("select pg_current_wal_insert_lsn()::text, clock_timestamp()::text")) {
            for (long id = 1; id <= ROWS; id++) {
                insert.setLong(1, id);
                insert.executeUpdate();
                try (ResultSet rs = mark.executeQuery()) {
                    rs.next();
                    marks.add(new Mark(id, rs.getString(1), rs.getString(2)));
                }
            }
        }
        BackupRuns.pushFinishedSegments(
                cluster, dir, repo, cluster.queryString("postgres", "select pg_walfile_name(pg_switch_wal())"));

        Random random = new Random(20261124L);
        for (int i = 0; i < 10; i++) {
            Mark target = marks.get(random.nextInt(ROWS));
            String to = i % 2 == 0 ? target.lsn() : target.time();
            assertThat(restoredRows(repo, "t" + i, to))
                    .as("restore to %s (after row %d)", to, target.id())
                    .isEqualTo(target.id() + ":" + target.id());
        }
    }

    /** "count:max" of the restored table. */
    private String restoredRows(Path repo, String name, String to) throws Exception {
        Path target = dir.resolve(name);
        Cli.Run run = keel(repo, "--json", "restore", "--target-dir", target.toString(), "--to", to, "--start");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + result.get("port").asInt() + "/postgres?user=postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(max(id), 0) from numbered")) {
            rs.next();
            return rs.getString(1);
        } finally {
            new PostgresCluster(PostgresBinaries.at(Path.of(result.get("binDir").asText())), target).stop();
        }
    }

    private Cli.Run keel(Path repo, String... args) {
        return BackupRuns.keel(cluster, dir, repo, args);
    }
}
