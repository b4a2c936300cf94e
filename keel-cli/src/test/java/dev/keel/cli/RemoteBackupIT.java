package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TreeCopy;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel backup over the replication protocol, as against a remote server: a role with REPLICATION
 * and LOGIN but no superuser, a SCRAM password, pg_hba.conf lines that demand it, and the stream
 * method forced (the cluster runs on this machine, where auto would copy the data directory). Each test
 * works on its own copy of the repository with the one backup, so none depends on another's backups.
 */
@WithPostgres
class RemoteBackupIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "s3cret-Backup!";

    @TempDir
    static Path dir;

    static Path oneBackup;
    static Path repo;
    static TestCluster cluster;
    static JsonNode backup;
    static long rows;
    static long noteLength;

    @BeforeAll
    static void backUpAsAReplicationRole(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        repo = dir.resolve("repo");
        cluster.execute("postgres", "create role backup login replication password '" + PASSWORD + "'");
        // Row counts for drills read every table; pg_read_all_data is the least that allows it.
        cluster.execute("postgres", "grant pg_read_all_data to backup");
        cluster.execute("postgres", "create role app login password 'app-pass'");
        cluster.requireAuthentication(
                "host replication backup 127.0.0.1/32 scram-sha-256",
                "host all backup 127.0.0.1/32 scram-sha-256",
                "host replication app 127.0.0.1/32 scram-sha-256",
                "host all app 127.0.0.1/32 scram-sha-256");
        cluster.execute("postgres", "create table orders (id bigint primary key, note text)");
        cluster.execute(
                "postgres", "insert into orders select g, repeat('x', g % 100) from generate_series(1, 5000) g");
        rows = Long.parseLong(cluster.queryString("postgres", "select count(*) from orders"));
        noteLength = Long.parseLong(cluster.queryString("postgres", "select sum(length(note)) from orders"));

        Cli.Run init = keel(null, "backup", "init");
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        Cli.Run run = keel(url("backup", PASSWORD), "--json", "backup", "--method", "stream");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("over the replication protocol");
        backup = JSON.readTree(run.stdout());
        oneBackup = repo;
    }

    @BeforeEach
    void ownCopyOfTheRepository(TestInfo test) {
        repo = TreeCopy.of(
                oneBackup,
                dir.resolve("repo-" + test.getTestMethod().orElseThrow().getName()));
    }

    @Test
    void theBackupIsCompleteAndCarriesItsWal() throws Exception {
        assertThat(backup.get("walSegments").asInt()).isPositive();
        assertThat(backup.get("tables").asInt()).isPositive();
        Cli.Run list = keel(null, "--json", "backup", "list");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        JsonNode entry = JSON.readTree(list.stdout()).get("backups").get(0);
        assertThat(entry.get("complete").asBoolean()).isTrue();
        assertThat(Files.exists(repo.resolve("backups")
                        .resolve(backup.get("id").asText())
                        .resolve("files/backup_label")))
                .isTrue();
        Cli.Run verify = keel(null, "backup", "verify");
        assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
    }

    @Test
    void restoreBringsBackEveryRow() throws Exception {
        Path target = dir.resolve("restored");
        Cli.Run run = keel(null, "--json", "restore", "--target-dir", target.toString(), "--start");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + result.get("port").asInt() + "/postgres?user=postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*), sum(length(note)) from orders")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rows);
            assertThat(rs.getLong(2)).isEqualTo(noteLength);
        } finally {
            new PostgresCluster(PostgresBinaries.at(Path.of(result.get("binDir").asText())), target).stop();
        }
    }

    @Test
    void aWrongPasswordIsOneLineWithExitCode3() {
        Cli.Run run = keel(url("backup", "not-the-password"), "backup", "--method", "stream");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("password authentication failed")
                .doesNotContain("not-the-password");
        assertThat(run.stderr()).doesNotContain("not-the-password").doesNotContain("\tat ");
    }

    @Test
    void aRoleWithoutReplicationIsToldTheStatementAndTheHbaLine() {
        Cli.Run run = keel(url("app", "app-pass"), "backup", "--method", "stream");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("lacks the REPLICATION attribute")
                .contains("ALTER ROLE app WITH REPLICATION")
                .contains("host replication app 127.0.0.1/32 scram-sha-256");
    }

    @Test
    void autoCopiesLocallyWhenTheDataDirectoryIsHere() throws Exception {
        // A stream backup of the cluster as it is now (other tests add tables), to compare the local copy with.
        Cli.Run streamed = keel(url("backup", PASSWORD), "--json", "backup", "--method", "stream");
        assertThat(streamed.exitCode()).as(streamed.stderr()).isZero();
        JsonNode stream = JSON.readTree(streamed.stdout());
        Cli.Run run = keel(null, "--json", "backup");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).doesNotContain("over the replication protocol");
        try (Stream<Path> backups = Files.list(repo.resolve("backups"))) {
            assertThat(backups).hasSize(3);
        }
        JsonNode local = JSON.readTree(run.stdout());
        // Both mechanisms leave out what PostgreSQL documents as safe to omit, so the same cluster gives the same
        // files.
        assertThat(manifestPaths(local.get("id").asText(), "files"))
                .isEqualTo(manifestPaths(stream.get("id").asText(), "files"));
        // The server also sends pg_wal/archive_status, which the local copy leaves to restore to create.
        Set<String> localDirectories = manifestPaths(local.get("id").asText(), "directories");
        localDirectories.add("pg_wal/archive_status");
        assertThat(manifestPaths(stream.get("id").asText(), "directories")).isEqualTo(localDirectories);
    }

    private static Set<String> manifestPaths(String id, String field) throws Exception {
        Set<String> paths = new TreeSet<>();
        try (var in = BackupRepository.open(new FileObjectStore(repo), 0, null)) {
            var manifest = in.readManifest(id).orElseThrow();
            if (field.equals("files")) {
                manifest.files().forEach(f -> paths.add(f.path()));
            } else {
                paths.addAll(manifest.directories());
            }
        }
        return paths;
    }

    @Test
    void localIsRefusedForARoleThatCannotSeeTheDataDirectory() {
        Cli.Run run = keel(url("backup", PASSWORD), "backup", "--method", "local");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString().contains("--method stream");
    }

    @Test
    void aKilledStreamBackupNeverLooksCompleteAndLeavesNoSlot() throws Exception {
        long before = fileCount();
        // Throttled, so the child is surely in the middle of the stream when it dies.
        JavaProcess victim = Cli.start(
                dir,
                Map.of(),
                "--url",
                url("backup", PASSWORD),
                "-C",
                dir.toString(),
                "backup",
                "--method",
                "stream",
                "--max-rate",
                "1",
                "--repo",
                "file://" + repo);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (fileCount() < before + 20) {
            assertThat(victim.isAlive())
                    .as("the backup ended before it could be killed: %s", victim.stderr())
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("the backup stored nothing within 120 s: %s", victim.stderr())
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
        victim.kill9();

        JsonNode backups =
                JSON.readTree(keel(null, "--json", "backup", "list").stdout()).get("backups");
        assertThat(backups).hasSize(2);
        assertThat(backups.get(1).get("complete").asBoolean()).isFalse();
        // The server notices the closed socket on its next send: the backup ends and the temporary slot goes.
        deadline = System.nanoTime() + 60_000_000_000L;
        while (!cluster.queryString("postgres", "select count(*) from pg_replication_slots")
                .equals("0")) {
            assertThat(System.nanoTime())
                    .as("the temporary slot outlived the killed backup")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void anIncrementalStreamBackupStoresOnlyChangedFilesAndRestoresTheirRows() throws Exception {
        // Larger than ArchiveIngest's in-memory limit, and unchanged: its copy is written, found identical and deleted
        // again.
        cluster.execute("postgres", "create table ledger (id bigint primary key, entry text)");
        cluster.execute(
                "postgres", "insert into ledger select g, repeat(md5(g::text), 3) from generate_series(1, 60000) g");
        // Frozen, hinted and analyzed now, so that autovacuum leaves both tables alone until the incremental is taken.
        cluster.execute("postgres", "vacuum (freeze, analyze) ledger");
        cluster.execute("postgres", "vacuum (freeze, analyze) orders");
        cluster.execute("postgres", "checkpoint");
        Cli.Run fullRun = keel(url("backup", PASSWORD), "--json", "backup", "--method", "stream");
        assertThat(fullRun.exitCode()).as(fullRun.stderr()).isZero();
        JsonNode full = JSON.readTree(fullRun.stdout());
        cluster.execute("postgres", "update orders set note = 'changed ' || id where id in (7, 1500, 4999)");

        Cli.Run run = keel(url("backup", PASSWORD), "--json", "backup", "--type", "incr", "--method", "stream");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("over the replication protocol").doesNotContain("not built yet");
        JsonNode incremental = JSON.readTree(run.stdout());
        assertThat(incremental.get("type").asText()).isEqualTo("incr");
        assertThat(incremental.get("parent").asText()).isEqualTo(full.get("id").asText());
        assertThat(incremental.get("method").asText()).isEqualTo("file");
        // The same files arrive (bytes), but only the changed ones are kept.
        assertThat(incremental.get("bytes").asLong())
                .isGreaterThan(full.get("bytes").asLong() / 2);
        String ledgerFile = cluster.queryString("postgres", "select pg_relation_filepath('ledger')");
        try (var in = BackupRepository.open(new FileObjectStore(repo), 0, null)) {
            List<BackupFile> files = in.readManifest(incremental.get("id").asText())
                    .orElseThrow()
                    .files();
            List<String> own = files.stream()
                    .filter(f -> f.object()
                            .startsWith("backups/" + incremental.get("id").asText() + "/"))
                    .sorted(Comparator.comparingLong(BackupFile::storedSize).reversed())
                    .limit(10)
                    .map(f -> f.path() + " " + f.storedSize())
                    .toList();
            assertThat(incremental.get("storedBytes").asLong())
                    .as("stored by the incremental, against %s by the full; largest: %s", full.get("storedBytes"), own)
                    .isLessThan(full.get("storedBytes").asLong() / 5);
            var ledger = files.stream()
                    .filter(f -> f.path().equals(ledgerFile))
                    .findFirst()
                    .orElseThrow();
            assertThat(ledger.object()).startsWith("backups/" + full.get("id").asText() + "/");
        }
        assertThat(Files.exists(repo.resolve("backups")
                        .resolve(incremental.get("id").asText())
                        .resolve("files")
                        .resolve(ledgerFile)))
                .isFalse();

        Cli.Run verify = keel(null, "backup", "verify", incremental.get("id").asText());
        assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();

        Path target = dir.resolve("restored-incremental");
        Cli.Run restore = keel(
                null,
                "--json",
                "restore",
                "--backup",
                incremental.get("id").asText(),
                "--target-dir",
                target.toString(),
                "--start");
        assertThat(restore.exitCode()).as(restore.stderr()).isZero();
        JsonNode result = JSON.readTree(restore.stdout());
        String digest = "select count(*) || ' ' || md5(string_agg(id || ':' || note, ',' order by id)) from orders";
        String ledgerDigest =
                "select count(*) || ' ' || md5(string_agg(id || ':' || entry, ',' order by id)) from ledger";
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + result.get("port").asInt() + "/postgres?user=postgres");
                Statement s = c.createStatement()) {
            assertThat(single(s, digest)).isEqualTo(cluster.queryString("postgres", digest));
            assertThat(single(s, ledgerDigest)).isEqualTo(cluster.queryString("postgres", ledgerDigest));
            assertThat(single(s, "select note from orders where id = 1500")).isEqualTo("changed 1500");
        } finally {
            new PostgresCluster(PostgresBinaries.at(Path.of(result.get("binDir").asText())), target).stop();
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long fileCount() throws IOException {
        try (Stream<Path> files = Files.walk(repo.resolve("backups"))) {
            return files.filter(Files::isRegularFile).count();
        } catch (UncheckedIOException e) {
            // a temporary file renamed into place while the walk looked at it
            return 0;
        }
    }

    private static String url(String user, String password) {
        return "postgresql://" + user + ":" + password + "@127.0.0.1:" + cluster.port() + "/postgres";
    }

    /** @param url null for the superuser's */
    private static Cli.Run keel(String url, String... args) {
        List<String> all =
                new ArrayList<>(List.of("--url", url == null ? cluster.jdbcUrl() : url, "-C", dir.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--repo", "file://" + repo));
        return Cli.run(all.toArray(String[]::new));
    }
}
