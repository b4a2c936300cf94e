package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.AppliedMigration;
import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrationListener;
import dev.keel.testing.Eventually;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A change that a test session holds up inside one of its phases: the session holds what the phase's next step must
 * wait for (a table lock, or an old snapshot that a concurrent index build waits out), so a keel process killed with
 * SIGKILL while it waits is killed inside that phase on any machine; the test then lets go and resumes with an
 * in-process keel.
 *
 * <p>Table {@code accounts} (3000 rows, balance = id) is V1, applied before the test begins; the change is V2.
 */
final class HeldUpChange implements AutoCloseable {
    static final String ACCOUNTS = "create table accounts (id int primary key, balance int not null);"
            + " insert into accounts select i, i from generate_series(1, 3000) i;";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final TestCluster cluster;
    private final String db;
    private final Path dir;
    private final Connection holder;

    HeldUpChange(TestCluster cluster, Path dir, String change) throws Exception {
        this(cluster, dir, "", change);
    }

    /** @param setup SQL run in V1 after accounts is created: the objects a change drops */
    HeldUpChange(TestCluster cluster, Path dir, String setup, String change) throws Exception {
        this.cluster = cluster;
        this.db = cluster.createDatabase();
        this.dir = dir;
        Path m = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(m.resolve("V1__accounts.sql"), ACCOUNTS + " " + setup);
        keel().migrate();
        Files.writeString(m.resolve("V2__change.yaml"), change);
        this.holder = cluster.connect(db);
    }

    Keel keel() {
        return keel(MigrationListener.SILENT);
    }

    Keel keel(MigrationListener listener) {
        return Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .changes(ChangeSettings.DEFAULTS.withBatchSize(500))
                .listener(listener)
                .load();
    }

    /** Takes a lock on accounts in this mode and keeps it until {@link #release()}. */
    void holdLock(String mode) throws SQLException {
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
            s.execute("lock table accounts in " + mode + " mode");
        }
    }

    /** Keeps a snapshot open (on no table of the change) that a concurrent index build must wait out. */
    void holdSnapshot() throws SQLException {
        holder.setAutoCommit(false);
        holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = holder.createStatement()) {
            s.execute("select count(*) from pg_class");
        }
    }

    void release() throws SQLException {
        holder.rollback();
        holder.setAutoCommit(true);
    }

    /**
     * Runs {@code keel <verb>} in its own process (batches of 100, no pause), kills it with SIGKILL once
     * {@code inside} holds, and waits until its sessions have left the server.
     */
    void killInside(String verb, String where, BooleanSupplier inside) {
        JavaProcess keel = JavaProcess.start(
                ChangeProcessMain.class.getName(),
                dir,
                Map.of(),
                List.of(verb, cluster.jdbcUrl(db), dir.toString(), "100", "0"));
        Eventually.await(
                LIMIT,
                "keel " + verb + " to be " + where,
                () -> {
                    if (!keel.isAlive()) {
                        throw new AssertionError(
                                "keel " + verb + " ended before it was " + where + ": " + keel.stderr());
                    }
                    return inside.getAsBoolean();
                },
                keel::stderr);
        keel.kill9();
        // The killed session holds the migration lock until the server notices it is gone.
        Eventually.await(
                LIMIT,
                "the killed keel's sessions to leave the server",
                () -> "0".equals(query("select count(*) from pg_locks where locktype = 'advisory'")));
    }

    /** Whether a session (keel's: the holder's locks are granted) waits for a lock on accounts. */
    boolean waitsForAccounts() {
        return !"0"
                .equals(query("select count(*) from pg_locks where not granted"
                        + " and relation = to_regclass('public.accounts')"));
    }

    /** Whether a concurrent index build or drop waits for an old transaction to end. */
    boolean waitsForOldTransactions() {
        return !"0".equals(query("select count(*) from pg_locks where not granted and locktype = 'virtualxid'"));
    }

    /** The phase in keel.change_state, or "none". */
    String phase() {
        if ("t".equals(query("select to_regclass('keel.change_state') is null"))) {
            return "none";
        }
        return query("select coalesce((select phase from keel.change_state), 'none')");
    }

    String query(String sql) {
        return cluster.queryString(db, sql);
    }

    void execute(String sql) {
        cluster.execute(db, sql);
    }

    String columns() {
        return query(
                "select string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' order by attnum)"
                        + " from pg_attribute where attrelid = 'public.accounts'::regclass and attnum > 0 and not attisdropped");
    }

    /** Nothing the change added beside the user's objects is left, and no change is in flight. */
    void assertNothingLeft(String historyPhase) {
        assertThat(phase()).isEqualTo("none");
        assertThat(query("select phase from keel.schema_history where version = '2'"
                        + " order by installed_rank desc limit 1"))
                .isEqualTo(historyPhase);
        assertThat(query("select count(*) from pg_attribute where attname like '\\_keel%' and not attisdropped"
                        + " and attrelid = 'public.accounts'::regclass"))
                .as("shadow columns")
                .isEqualTo("0");
        assertThat(query("select count(*) from pg_trigger where tgname like '\\_keel%'"))
                .as("triggers")
                .isEqualTo("0");
        assertThat(query("select count(*) from pg_proc where proname like '\\_keel%'"))
                .as("trigger functions")
                .isEqualTo("0");
        assertThat(query("select count(*) from pg_index where not indisvalid"))
                .as("invalid indexes")
                .isEqualTo("0");
        assertThat(query("select coalesce(string_agg(nspname, ',' order by nspname), '') from pg_namespace"
                        + " where nspname like 'public\\_v%'"))
                .as("version schemas")
                .isEqualTo(AppliedMigration.COMPLETE.equals(historyPhase) ? "public_v2" : "");
    }

    @Override
    public void close() throws SQLException {
        holder.close();
    }
}
