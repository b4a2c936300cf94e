package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.postgres.EmbeddedBinaries;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel replica create, list and promote against one primary shared by the class (the machine's PostgreSQL, and again
 * the embedded 17 in the embedded-17 pass): a standby from a backup and one from a stream, each proven to follow the
 * primary; promotion; list and the doctor seeing a replica that is gone; and each kind of bad input refused with its
 * code, leaving no directory, slot or registry entry behind.
 */
@WithPostgres
class ReplicaCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STREAM_LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    static TestCluster primary;
    static Path repo;
    static String backupId;
    final List<PostgresCluster> started = new ArrayList<>();

    @BeforeAll
    static void primaryWithOneBackup(TestCluster cluster) throws Exception {
        primary = cluster;
        repo = dir.resolve("repo");
        primary.execute("postgres", "create table orders (id bigint primary key, note text)");
        primary.execute("postgres", "insert into orders select g, 'before' from generate_series(1, 1000) g");
        primary.execute("postgres", "create role app login");
        assertThat(keel("backup", "init").exitCode()).isZero();
        Cli.Run backup = keel("--json", "backup");
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();
        backupId = JSON.readTree(backup.stdout()).get("id").asText();
    }

    @AfterEach
    void stopWhatTheTestStarted() {
        started.forEach(PostgresCluster::stopImmediately);
    }

    @Test
    void aReplicaFromABackupFollowsThePrimaryAndIsPromoted() throws Exception {
        Path target = dir.resolve("from-backup");
        JsonNode made =
                json("replica", "create", "--target-dir", target.toString(), "--from-backup", backupId, "--start");
        track(made);
        assertThat(made.get("source").asText()).isEqualTo("backup");
        assertThat(made.get("backupId").asText()).isEqualTo(backupId);
        assertThat(made.get("slot").asText()).isEqualTo("keel_replica_from_backup");
        assertThat(made.get("restoreCommand").asBoolean()).isTrue();
        assertThat(Files.readString(target.resolve("postgresql.auto.conf")))
                .contains("primary_slot_name = 'keel_replica_from_backup'")
                .contains("wal get");
        int port = made.get("port").asInt();
        followsThePrimary(port, 2001);

        JsonNode list = json("replica", "list");
        JsonNode entry = replica(list, "keel_replica_from_backup");
        assertThat(entry.get("state").asText()).isEqualTo("streaming");
        assertThat(entry.get("slot").asText()).isEqualTo("keel_replica_from_backup");
        assertThat(entry.get("keel").asBoolean()).isTrue();
        assertThat(entry.get("targetDir").asText()).isEqualTo(target.toString());
        assertThat(entry.get("lagBytes").isNumber()).isTrue();
        assertThat(entry.get("replayLsn").asText()).contains("/");

        JsonNode promoted = json("replica", "promote", target.toString());
        assertThat(promoted.get("timeline").asInt()).isEqualTo(2);
        assertThat(promoted.get("port").asInt()).isEqualTo(port);
        assertThat(query(port, "select pg_is_in_recovery()::text")).isEqualTo("false");
        assertThat(Files.exists(target.resolve("standby.signal"))).isFalse();

        Cli.Run again = keel("replica", "promote", target.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.errorLines())
                .singleElement()
                .asString()
                .contains("is not a standby")
                .contains("KEEL-BACKUP-REPLICA-NOT-STANDBY");
        forget("keel_replica_from_backup");
    }

    @Test
    void aStreamedReplicaFollowsThePrimaryAndIsListedDisconnectedOnceStopped() throws Exception {
        Path target = dir.resolve("streamed");
        JsonNode made = json(
                "replica",
                "create",
                "--target-dir",
                target.toString(),
                "--stream",
                "--slot",
                "streamed_one",
                "--start");
        PostgresCluster standby = track(made);
        assertThat(made.get("source").asText()).isEqualTo("stream");
        assertThat(made.get("slotCreated").asBoolean()).isTrue();
        followsThePrimary(made.get("port").asInt(), 3001);

        standby.stop();
        Eventually.await(
                Duration.ofSeconds(30),
                "the primary to see the standby gone",
                () -> stateOf("streamed_one"),
                "disconnected"::equals);
        Cli.Run text = keel("replica", "list");
        assertThat(text.stdout()).contains("streamed_one  disconnected, slot streamed_one retains");
        Cli.Run doctor = keel("--json", "doctor");
        assertThat(doctor.stdout()).contains("disconnected-replicas").contains("replica streamed_one");
        forget("streamed_one");
    }

    @Test
    void theEmbeddedDefaultGetsALocalReplicaStreamedWithoutARepository(@TempDir Path project) throws Exception {
        Path target = project.resolve("replica");
        try {
            Cli.Run run = Cli.run(
                    "-C",
                    project.toString(),
                    "--json",
                    "replica",
                    "create",
                    "--target-dir",
                    target.toString(),
                    "--start");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode made = JSON.readTree(run.stdout());
            track(made);
            assertThat(made.get("source").asText())
                    .as("no repository is configured")
                    .isEqualTo("stream");
            assertThat(made.get("restoreCommand").asBoolean()).isFalse();
            String url = Cli.run("-C", project.toString(), "db", "url")
                    .stdout()
                    .strip()
                    .split("\\s+")[0];
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute("create table local_dev as select 1 as x");
            }
            Eventually.await(
                    STREAM_LIMIT,
                    "the local replica to replay the new table",
                    () -> query(made.get("port").asInt(), "select count(*) from local_dev"),
                    "1"::equals);
        } finally {
            started.forEach(PostgresCluster::stopImmediately);
            Cli.run("-C", project.toString(), "db", "stop");
        }
    }

    @Test
    void promoteRefusesAStandbyThatIsNotRunning() throws Exception {
        Path target = dir.resolve("stopped");
        JsonNode made = json("replica", "create", "--target-dir", target.toString(), "--stream");
        assertThat(made.get("running").asBoolean()).isFalse();
        assertThat(Files.exists(target.resolve("standby.signal"))).isTrue();
        Cli.Run run = keel("replica", "promote", target.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("is not running")
                .contains("KEEL-BACKUP-REPLICA-NOT-RUNNING");
        forget(made.get("slot").asText());
    }

    @Test
    void promoteRefusesADirectoryThatIsNoDataDirectory() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-data"));
        Cli.Run run = keel("replica", "promote", empty.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString().contains("not a PostgreSQL data directory");
    }

    @Test
    void aTargetDirectoryThatIsNotEmptyIsRefusedAndKeptAsItWas() throws Exception {
        Path target = Files.createDirectories(dir.resolve("occupied"));
        Files.writeString(target.resolve("keep.txt"), "mine");
        refused(
                2,
                "KEEL-BACKUP-TARGET-DIRECTORY-UNUSABLE",
                "is not empty",
                "keel_replica_occupied",
                target,
                "--stream");
        try (var files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
        }
    }

    @Test
    void aRoleWithoutReplicationIsRefusedWithTheStatementToRun() throws Exception {
        Path target = dir.resolve("as-app");
        Cli.Run run = Cli.run(
                "--url",
                primary.jdbcUrl().replace("user=" + TestCluster.SUPERUSER, "user=app"),
                "-C",
                dir.toString(),
                "replica",
                "create",
                "--target-dir",
                target.toString(),
                "--stream");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("lacks the REPLICATION attribute")
                .contains("ALTER ROLE app WITH REPLICATION")
                .contains("KEEL-BACKUP-REPLICATION-REFUSED");
        nothingLeft(target, "keel_replica_as_app");
    }

    @Test
    void anUnknownBackupIsRefused() throws Exception {
        refused(
                2,
                "KEEL-BACKUP-BACKUP-NOT-FOUND",
                "no complete backup 20000101T000000Z",
                "keel_replica_unknown",
                dir.resolve("unknown"),
                "--from-backup",
                "20000101T000000Z");
    }

    @Test
    void aBackupAndAStreamTogetherAreRefused() throws Exception {
        refused(
                2,
                "KEEL-BACKUP-REPLICA-SOURCE-CONFLICT",
                "not both",
                "keel_replica_both",
                dir.resolve("both"),
                "--from-backup",
                backupId,
                "--stream");
    }

    @Test
    void binariesOfAnotherMajorVersionAreRefusedBeforeAnythingIsMade() throws Exception {
        Path other = otherMajorBinaries();
        refused(
                2,
                "KEEL-CORE-BINARIES-MISSING",
                "holds PostgreSQL",
                "keel_replica_other_major",
                dir.resolve("other-major"),
                "--stream",
                "--start",
                "--pg-bindir",
                other.toString());
    }

    /** The embedded 17 beside a system 15, or the system's beside the embedded 17: whichever the primary does not run. */
    private static Path otherMajorBinaries() {
        PostgresBinaries embedded = EmbeddedBinaries.unpacked();
        if (embedded.majorVersion() != primary.majorVersion()) {
            return embedded.binDir();
        }
        Path system = Path.of("/usr/lib/postgresql/15/bin");
        assumeTrue(Files.isExecutable(system.resolve("postgres")), "no PostgreSQL of another major version here");
        return system;
    }

    private static void refused(int exit, String code, String says, String slot, Path target, String... options)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("replica", "create", "--target-dir", target.toString()));
        args.addAll(List.of(options));
        Cli.Run run = keel(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(exit);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains(says)
                .contains(code)
                .contains(" — ");
        if (!says.equals("is not empty")) {
            nothingLeft(target, slot);
        }
    }

    private static void nothingLeft(Path target, String slot) throws Exception {
        assertThat(target).doesNotExist();
        assertThat(primary.queryString(
                        "postgres", "select count(*) from pg_replication_slots where slot_name = '" + slot + "'"))
                .isEqualTo("0");
        if (primary.queryString("postgres", "select to_regclass('keel.replicas')") != null) {
            assertThat(primary.queryString(
                            "postgres", "select count(*) from keel.replicas where name = '" + slot + "'"))
                    .isEqualTo("0");
        }
    }

    private void followsThePrimary(int port, int id) {
        primary.execute("postgres", "insert into orders values (" + id + ", 'after')");
        Eventually.await(
                STREAM_LIMIT,
                "the standby to replay order " + id,
                () -> query(port, "select count(*) from orders where id = " + id),
                "1"::equals);
    }

    private PostgresCluster track(JsonNode made) {
        PostgresCluster standby = new PostgresCluster(
                PostgresBinaries.at(Path.of(made.get("binDir").asText())),
                Path.of(made.get("targetDir").asText()));
        started.add(standby);
        return standby;
    }

    /** Drops the slot and the registry entry a test's replica leaves, so the others' lists and findings stay theirs. */
    private static void forget(String slot) {
        Eventually.await(
                Duration.ofSeconds(30),
                "slot " + slot + " to be released by its stopped or promoted standby",
                () -> primary.queryString(
                        "postgres",
                        "select count(*) from pg_replication_slots where active and slot_name = '" + slot + "'"),
                "0"::equals);
        primary.execute(
                "postgres",
                "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '" + slot
                        + "'");
        primary.execute("postgres", "delete from keel.replicas where name = '" + slot + "'");
    }

    private static String stateOf(String name) {
        try {
            return replica(json("replica", "list"), name).get("state").asText();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static JsonNode replica(JsonNode list, String name) {
        return StreamSupport.stream(list.get("replicas").spliterator(), false)
                .filter(r -> r.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no replica " + name + " in " + list));
    }

    private static String query(int port, String sql) {
        try (Connection c =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--json"));
        all.addAll(List.of(args));
        Cli.Run run = keel(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    private static Cli.Run keel(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", primary.jdbcUrl(), "-C", dir.toString()));
        all.addAll(List.of(args));
        // only backup and replica create read the repository; the other commands have no --repo
        if (all.contains("backup") || all.contains("create")) {
            all.addAll(List.of("--repo", "file://" + repo));
        }
        return Cli.run(all.toArray(String[]::new));
    }
}
