package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@WithPostgres
class BackfillWalCompressionIT {
    @Test
    void aSuperuserSessionCompressesItsPageImagesUntilReset(TestCluster cluster) throws Exception {
        try (Connection c = cluster.connect()) {
            String method = BackfillWalCompression.enable(c);
            assertThat(method).isIn("lz4", "zstd", "on");
            assertThat(BackfillWalCompression.current(c)).isEqualTo(method.equals("on") ? "pglz" : method);
            BackfillWalCompression.reset(c);
            assertThat(BackfillWalCompression.current(c)).isEqualTo("off");
        }
    }

    @Test
    void aRoleThatMayNotSetItBackfillsUncompressedWithoutAnError(TestCluster cluster) throws Exception {
        try (Connection admin = cluster.connect();
                Statement s = admin.createStatement()) {
            s.execute("DROP ROLE IF EXISTS backfiller");
            s.execute("CREATE ROLE backfiller LOGIN");
        }
        try (Connection c = DriverManager.getConnection(
                cluster.jdbcUrl().replace("user=" + TestCluster.SUPERUSER, "user=backfiller"))) {
            assertThat(BackfillWalCompression.enable(c)).isNull();
            assertThat(BackfillWalCompression.current(c)).isEqualTo("off");
            BackfillWalCompression.reset(c);
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void aServerThatAlreadyCompressesIsLeftAlone(TestCluster cluster) throws Exception {
        try (Connection c = cluster.connect();
                Statement s = c.createStatement()) {
            s.execute("SET wal_compression = on");
            assertThat(BackfillWalCompression.enable(c)).isNull();
            assertThat(BackfillWalCompression.current(c)).isEqualTo("pglz");
        }
    }

    @Test
    void aBackfillWithCompressionWritesLessWal(TestCluster cluster) throws Exception {
        try (Connection c = cluster.connect();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS wide");
            s.execute("CREATE TABLE wide (id int PRIMARY KEY, filler char(200) NOT NULL DEFAULT '', copy int)");
            s.execute("INSERT INTO wide (id) SELECT g FROM generate_series(1, 20000) g");
            long plain = walOfUpdate(s);
            BackfillWalCompression.enable(c);
            long compressed = walOfUpdate(s);
            assertThat(compressed).isLessThan(plain);
        }
    }

    /** WAL bytes of rewriting every row right after a checkpoint, when each page's first change logs its image. */
    private static long walOfUpdate(Statement s) throws Exception {
        s.execute("VACUUM FULL wide");
        s.execute("CHECKPOINT");
        String start;
        try (ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()")) {
            rs.next();
            start = rs.getString(1);
        }
        s.execute("UPDATE wide SET copy = id");
        try (ResultSet rs = s.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '" + start + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
