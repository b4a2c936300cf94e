package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

@WithPostgres
class FlagTablesIT {
    private final TestCluster cluster;
    private String db;

    FlagTablesIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void database() {
        db = cluster.createDatabase();
    }

    private String count(String sql) {
        return cluster.queryString(db, sql);
    }

    @Test
    void ensureExistCreatesSchemaAndTablesOnceAndAgainChangesNothing() throws SQLException {
        FlagTables tables = new FlagTables("keel");
        try (Connection c = cluster.connect(db)) {
            assertThat(tables.exist(c)).isFalse();
            assertThat(count("SELECT to_regnamespace('keel') IS NULL"))
                    .as("asking creates nothing")
                    .isEqualTo("t");

            tables.ensureExist(c);
            String oid = count("SELECT 'keel.flags'::regclass::oid");
            tables.ensureExist(c);

            assertThat(tables.exist(c)).isTrue();
            assertThat(count("SELECT 'keel.flags'::regclass::oid")).isEqualTo(oid);
            assertThat(count("SELECT to_regclass('keel.flag_history') IS NOT NULL"))
                    .isEqualTo("t");
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void manyFirstUsersAtOnceAllSucceed() throws Exception {
        FlagTables tables = new FlagTables("keel");
        int users = 6;
        ExecutorService pool = Executors.newFixedThreadPool(users);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                done.add(pool.submit(() -> {
                    try (Connection c = cluster.connect(db)) {
                        go.await();
                        tables.ensureExist(c);
                        return tables.exist(c);
                    }
                }));
            }
            go.countDown();
            for (Future<Boolean> f : done) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM pg_trigger WHERE tgname = 'keel_flags_changed'"))
                .isEqualTo("1");
    }

    @Test
    void anOddSchemaNameIsQuotedEverywhere() throws SQLException {
        FlagTables tables = new FlagTables("Flag State; x");
        try (Connection c = cluster.connect(db)) {
            tables.ensureExist(c);
            assertThat(tables.exist(c)).isTrue();
            new FlagStore(tables).write(c, new FlagUpdate("f", Rollout.ON, null, null, false), null);
            assertThat(new FlagStore(tables).readAll(c)).containsOnlyKeys("f");
        }
        assertThat(count("SELECT count(*) FROM \"Flag State; x\".flag_history")).isEqualTo("1");
    }

    @Test
    void everyCommittedWriteIsAnnouncedWithTheSchemaAndARolledBackOneIsNot() throws SQLException {
        FlagTables tables = new FlagTables("keel");
        try (Connection c = cluster.connect(db);
                Connection listener = cluster.connect(db);
                Statement s = c.createStatement()) {
            tables.ensureExist(c);
            try (Statement l = listener.createStatement()) {
                l.execute("LISTEN " + FlagTables.CHANNEL);
            }
            c.setAutoCommit(false);
            s.execute("INSERT INTO keel.flags (name, basis_points, updated_by) VALUES ('gone', 0, 'x')");
            c.rollback();
            s.execute("INSERT INTO keel.flags (name, basis_points, updated_by) VALUES ('kept', 0, 'x')");
            c.commit();

            List<String> payloads = new ArrayList<>();
            PGConnection pg = listener.unwrap(PGConnection.class);
            // The committed write's notification is the one to wait for; a rolled-back one would have come first.
            PGNotification[] notes = pg.getNotifications(10_000);
            for (PGNotification n : notes == null ? new PGNotification[0] : notes) {
                payloads.add(n.getParameter());
            }
            assertThat(payloads).containsExactly("keel");
        }
    }

    @Test
    void aRoleWithoutUsageIsToldWhichGrantItNeeds() throws SQLException {
        try (Connection c = cluster.connect(db)) {
            new FlagTables("keel").ensureExist(c);
        }
        cluster.execute(db, "DROP ROLE IF EXISTS no_usage; CREATE ROLE no_usage LOGIN");
        String url = cluster.jdbcUrl(db).replace("user=" + TestCluster.SUPERUSER, "user=no_usage");
        try (Connection c = DriverManager.getConnection(url)) {
            assertThatThrownBy(() -> new FlagTables("keel").exist(c))
                    .isInstanceOfSatisfying(
                            KeelException.class, e -> assertThat(e.code()).isEqualTo(CoreError.PRIVILEGE_MISSING))
                    .hasMessageContaining("GRANT USAGE ON SCHEMA keel TO no_usage");
        }
    }

    @Test
    void aRoleThatMayNotCreateLeavesNothingBehind() throws SQLException {
        cluster.execute(
                db,
                "CREATE SCHEMA keel; DROP ROLE IF EXISTS reader; CREATE ROLE reader LOGIN;"
                        + " GRANT USAGE ON SCHEMA keel TO reader");
        String url = cluster.jdbcUrl(db).replace("user=" + TestCluster.SUPERUSER, "user=reader");
        try (Connection c = DriverManager.getConnection(url)) {
            assertThatThrownBy(() -> new FlagTables("keel").ensureExist(c))
                    .isInstanceOfSatisfying(
                            KeelException.class, e -> assertThat(e.code()).isEqualTo(CoreError.PRIVILEGE_MISSING))
                    .hasMessageContaining("GRANT USAGE, CREATE ON SCHEMA keel TO reader");
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(count("SELECT count(*) FROM pg_class WHERE relnamespace = 'keel'::regnamespace"))
                .isEqualTo("0");
    }
}
