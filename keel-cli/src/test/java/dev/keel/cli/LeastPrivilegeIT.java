package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grants docs/guides/least-privilege.md lists for keel migrate and keel check, each tried with a
 * role that has exactly them. Regression: migrate always ran CREATE SCHEMA IF NOT EXISTS keel, which
 * fails without CREATE on the database even when the schema exists and the role may create in it.
 */
@WithPostgres
class LeastPrivilegeIT {
    private static final AtomicInteger ROLES = new AtomicInteger();
    private final TestCluster cluster;
    private String db;
    private String role;
    private TestProject project;

    LeastPrivilegeIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void prepare(@TempDir Path dir) {
        db = cluster.createDatabase();
        role = "app_" + ROLES.incrementAndGet();
        // The guide's migrate grants: LOGIN, CONNECT (PUBLIC has it), and the right to create the application's
        // objects.
        cluster.execute(db, "create role " + role + " login; grant usage, create on schema public to " + role);
        project = TestProject.in(dir)
                .migration("V1__users.sql", "create table users (id bigint primary key, email text);")
                .migration("V2__email_idx.sql", "create index concurrently users_email_idx on users (email);");
    }

    @Test
    void migrateNeedsNoCreateOnTheDatabaseWhenTheKeelSchemaIsGrantedToTheRole() {
        cluster.execute(db, "create schema keel; grant usage, create on schema keel to " + role);
        assertThat(cluster.queryString(
                        db, "select has_database_privilege('" + role + "', current_database(), 'CREATE')"))
                .isEqualTo("f");

        Cli.Run run = keel(role, "migrate");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history where success"))
                .isEqualTo("2");
        assertThat(cluster.queryString(db, "select tableowner from pg_tables where tablename = 'schema_history'"))
                .isEqualTo(role);
    }

    @Test
    void migrateWorksInAKeelSchemaTheRoleOwns() {
        cluster.execute(db, "create schema keel authorization " + role);
        Cli.Run run = keel(role, "migrate");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(keel(role, "migrate").stdout()).contains("Nothing to migrate");
    }

    @Test
    void withoutTheKeelSchemaOneLineNamesTheSchemaToCreateOrTheGrant() {
        Cli.Run run = keel(role, "migrate");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("schema keel does not exist and role " + role + " may not create it (no CREATE on database "
                        + db + ")")
                .contains("CREATE SCHEMA keel AUTHORIZATION " + role)
                .contains("GRANT CREATE ON DATABASE " + db + " TO " + role);
        assertThat(cluster.queryString(db, "select to_regclass('users') is null"))
                .as("nothing was applied")
                .isEqualTo("t");
    }

    @Test
    void aKeelSchemaWithoutGrantsIsNamedWithTheGrantThatFixesIt() {
        cluster.execute(db, "create schema keel");
        Cli.Run run = keel(role, "migrate");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("role " + role + " may not use schema keel")
                .contains("GRANT USAGE ON SCHEMA keel TO " + role);

        cluster.execute(db, "grant usage on schema keel to " + role);
        Cli.Run usageOnly = keel(role, "migrate");
        assertThat(usageOnly.exitCode()).isEqualTo(4);
        assertThat(usageOnly.errorLines())
                .singleElement()
                .asString()
                .contains("role " + role + " cannot create keel's history table in schema keel (it lacks CREATE on it)")
                .contains("GRANT USAGE, CREATE ON SCHEMA keel TO " + role);
    }

    @Test
    void checkNeedsOnlyToReadTheHistory() {
        cluster.execute(db, "create schema keel authorization " + role);
        assertThat(keel(role, "migrate").exitCode()).isZero();
        project.migration("V3__note.sql", "alter table users add column note text;");
        String reviewer = role + "_reviewer";
        cluster.execute(db, "create role " + reviewer + " login");

        Cli.Run withoutUsage = keel(reviewer, "check");
        assertThat(withoutUsage.exitCode()).isEqualTo(4);
        assertThat(withoutUsage.errorLines())
                .singleElement()
                .asString()
                .contains("GRANT USAGE ON SCHEMA keel TO " + reviewer);

        cluster.execute(
                db,
                "grant usage on schema keel to " + reviewer + "; grant select on keel.schema_history to " + reviewer);
        Cli.Run check = keel(reviewer, "check");
        assertThat(check.exitCode()).as(check.stderr()).isZero();
        assertThat(check.stdout()).as("only the pending V3 is checked").startsWith("1 file, 1 statements");
    }

    @Test
    void topDoctorAndStatsNeedPgMonitorAndCreateInKeelsSchemaButNoCreateOnTheDatabase() {
        cluster.execute(db, "create extension if not exists pg_stat_statements");
        cluster.execute(db, "create schema keel");
        Cli.Run refused = keel(role, "top");
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.errorLines())
                .singleElement()
                .asString()
                .contains("GRANT USAGE, CREATE ON SCHEMA keel TO " + role);

        cluster.execute(db, "grant usage, create on schema keel to " + role + "; grant pg_monitor to " + role);
        Cli.Run stats = keel(role, "stats", "snapshot", "--observe", "1s");
        assertThat(stats.exitCode()).as(stats.stderr()).isZero();
        Cli.Run top = keel(role, "top");
        assertThat(top.exitCode()).as(top.stderr()).isZero();
        Cli.Run doctor = keel(role, "doctor");
        assertThat(doctor.exitCode()).as(doctor.stdout() + doctor.stderr()).isZero();
        assertThat(doctor.stdout()).contains("23 checks");
    }

    @Test
    void backupNeedsReplicationAndReadingEveryTableAndWalStreamOnlyReplication(@TempDir Path work) throws Exception {
        String backupRole = role + "_backup";
        cluster.execute(db, "create role " + backupRole + " login replication");
        String walRole = role + "_wal";
        cluster.execute(db, "create role " + walRole + " login replication");
        String repo = "file://" + work.resolve("repo");
        assertThat(keel(backupRole, "backup", "init", "--repo", repo).exitCode())
                .isZero();

        Cli.Run unreadable = keel(backupRole, "backup", "--method", "stream", "--repo", repo);
        assertThat(unreadable.exitCode()).isEqualTo(4);
        assertThat(unreadable.errorLines())
                .singleElement()
                .asString()
                .contains("back up as a role that can read every table");
        // The row counts every backup records for drills read every table of every database.
        cluster.execute(db, "grant pg_read_all_data to " + backupRole);
        Cli.Run backup = keel(backupRole, "backup", "--method", "stream", "--repo", repo);
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();

        Cli.Run setup = keel(walRole, "wal", "setup", "--slot", "least_privilege");
        assertThat(setup.exitCode()).as(setup.stderr()).isZero();
        JavaProcess stream = Cli.start(
                project.dir(),
                Map.of(),
                "--url",
                url(walRole),
                "wal",
                "stream",
                "--slot",
                "least_privilege",
                "--repo",
                repo,
                "--spool",
                work.resolve("spool").toString());
        try {
            cluster.execute(db, "create table filler as select g from generate_series(1, 10000) g");
            Receivers.await(cluster.jdbcUrl(), "keel_wal", Receivers.CAUGHT_UP, stream);
        } finally {
            assertThat(stream.terminate(60)).as(stream.stderr()).isZero();
            cluster.execute(db, "select pg_drop_replication_slot('least_privilege')");
        }
    }

    private String url(String user) {
        return "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + db + "?user=" + user;
    }

    private Cli.Run keel(String user, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--url";
        all[1] = url(user);
        all[2] = "-C";
        all[3] = project.dir().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.run(all);
    }
}
