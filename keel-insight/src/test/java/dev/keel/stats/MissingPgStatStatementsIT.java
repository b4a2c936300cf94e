package dev.keel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** A server that does not preload pg_stat_statements, and a user who may not install it: the message names the fix. */
@WithPostgres(settings = "shared_preload_libraries=")
class MissingPgStatStatementsIT {
    private final TestCluster cluster;

    MissingPgStatStatementsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void withoutThePreloadTheErrorNamesTheExactSettingAndLeavesNoExtensionBehind() throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            assertThatThrownBy(() -> StatementSnapshots.inDefaultSchema().take(c))
                    .isInstanceOfSatisfying(KeelException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.what()).contains("pg_stat_statements is not loaded");
                        assertThat(e.todo())
                                .contains("shared_preload_libraries = 'pg_stat_statements'")
                                .contains("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'")
                                .contains("restart");
                    });
        }
        assertThat(cluster.queryString(db, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'"))
                .isEqualTo("0");
        assertThat(cluster.queryString(db, "SELECT to_regclass('keel.stat_snapshot')"))
                .isNull();
    }

    @Test
    void anExtensionCreatedWithoutThePreloadIsReportedTheSameWayToAUserWhoCannotReadTheSetting() throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE EXTENSION pg_stat_statements");
        cluster.execute(db, "CREATE ROLE app_reader LOGIN");
        cluster.execute(db, "GRANT CREATE ON DATABASE " + db + " TO app_reader");
        try (Connection c =
                DriverManager.getConnection(cluster.jdbcUrl(db).replace("user=postgres", "user=app_reader"))) {
            assertThatThrownBy(() -> StatementSnapshots.inDefaultSchema().take(c))
                    .isInstanceOfSatisfying(KeelException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.todo()).contains("shared_preload_libraries = 'pg_stat_statements'");
                    });
        } finally {
            cluster.execute(db, "REVOKE CREATE ON DATABASE " + db + " FROM app_reader");
            cluster.execute(db, "DROP ROLE app_reader");
        }
    }

    @Test
    void aUserWhoMayNotInstallTheExtensionIsToldTheExactStatement() throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE ROLE app_owner LOGIN");
        try (Connection c =
                DriverManager.getConnection(cluster.jdbcUrl(db).replace("user=postgres", "user=app_owner"))) {
            assertThatThrownBy(() -> StatementSnapshots.inDefaultSchema().take(c))
                    .isInstanceOfSatisfying(KeelException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.what()).contains("may not install it");
                        assertThat(e.todo())
                                .contains("CREATE EXTENSION pg_stat_statements;")
                                .contains("as a superuser");
                    });
        } finally {
            cluster.execute(db, "DROP ROLE app_owner");
        }
    }
}
