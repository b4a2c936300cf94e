package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithPostgres
class VersionedDataSourceIT {
    private static final ThreadLocal<String> SUBJECT = new ThreadLocal<>();
    private final TestCluster cluster;
    private String db;
    private FlagAdmin admin;
    private Flags flags;
    private OneConnectionPool pool;
    private VersionedDataSource versioned;

    VersionedDataSourceIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void twoVersions() {
        db = cluster.createDatabase();
        // Version 8 renamed note to comment: public_v8 presents the table in its new shape through a view.
        cluster.execute(db, """
                CREATE TABLE orders (id bigint PRIMARY KEY, note text);
                INSERT INTO orders VALUES (1, 'gift');
                CREATE SCHEMA public_v8;
                CREATE VIEW public_v8.orders AS SELECT id, note AS comment FROM public.orders;
                """);
        admin = new FlagAdmin(TestDatabases.source(cluster, db), "keel");
        admin.set(new FlagUpdate("checkout-v8", Rollout.OFF, List.of("alice"), "public_v8", false), null);
        flags = Flags.connect(TestDatabases.dataSource(cluster, db)).load();
        pool = new OneConnectionPool(cluster.connect(db));
        versioned = VersionedDataSource.wrap(pool, flags, "checkout-v8", SUBJECT::get);
    }

    @AfterEach
    void close() throws SQLException {
        SUBJECT.remove();
        flags.close();
        pool.close();
    }

    @Test
    void aSubjectTheFlagIsOnForReadsThroughTheVersionSchema() throws SQLException {
        SUBJECT.set("alice");
        try (Connection c = versioned.getConnection()) {
            assertThat(query(c, "SHOW search_path")).isEqualTo("public_v8, public");
            assertThat(query(c, "SELECT comment FROM orders WHERE id = 1")).isEqualTo("gift");
        }
    }

    @Test
    void anyOtherSubjectReadsTheBaseSchema() throws SQLException {
        SUBJECT.set("bob");
        try (Connection c = versioned.getConnection()) {
            assertThat(query(c, "SHOW search_path")).isEqualTo("public");
            assertThat(query(c, "SELECT note FROM orders WHERE id = 1")).isEqualTo("gift");
        }
    }

    @Test
    void closingResetsTheSearchPathBeforeThePoolLendsTheConnectionAgain() throws SQLException {
        String sessionDefault = query(pool.physical(), "SHOW search_path");
        SUBJECT.set("alice");
        try (Connection c = versioned.getConnection()) {
            assertThat(query(c, "SHOW search_path")).isEqualTo("public_v8, public");
        }

        assertThat(query(pool.physical(), "SHOW search_path")).isEqualTo(sessionDefault);
    }

    @Test
    void theResetHoldsEvenWhenTheApplicationLeftATransactionOpen() throws SQLException {
        String sessionDefault = query(pool.physical(), "SHOW search_path");
        SUBJECT.set("alice");
        try (Connection c = versioned.getConnection()) {
            c.setAutoCommit(false);
            query(c, "SELECT comment FROM orders");
        }
        pool.physical().setAutoCommit(true);

        assertThat(query(pool.physical(), "SHOW search_path")).isEqualTo(sessionDefault);
    }

    @Test
    void theSearchPathSurvivesTheApplicationsRollbackWhenThePoolDoesNotAutoCommit() throws SQLException {
        pool.physical().setAutoCommit(false);
        SUBJECT.set("alice");
        try (Connection c = versioned.getConnection()) {
            c.rollback();
            assertThat(query(c, "SHOW search_path")).isEqualTo("public_v8, public");
        }
    }

    @Test
    void raisingTheRolloutMovesMoreSubjectsOntoTheVersion() throws SQLException {
        admin.set(new FlagUpdate("checkout-v8", Rollout.ON, null, null, false), null);
        Eventually.await(
                Duration.ofSeconds(10), "the client to see checkout-v8 on", () -> flags.enabled("checkout-v8", "bob"));

        SUBJECT.set("bob");
        try (Connection c = versioned.getConnection()) {
            assertThat(query(c, "SHOW search_path")).isEqualTo("public_v8, public");
        }
    }

    @Test
    void withoutASubjectTheBaseSchemaIsUsedUnlessTheFlagIsOnForAll() throws SQLException {
        try (Connection c = versioned.withBaseSchema("public").getConnection()) {
            assertThat(query(c, "SHOW search_path")).isEqualTo("public");
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
