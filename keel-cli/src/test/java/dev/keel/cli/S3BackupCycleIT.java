package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.S3TestServer;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole backup cycle through the keel command into an encrypted repository on a real
 * S3-compatible server (s3proxy on loopback), configured the way a user would: backup.s3.* and
 * backup.encryption.keyFile in keel.yaml. What the file:// tests prove about backups and restores
 * is not repeated; these prove that every command reads and writes the bucket, that damage done in
 * the bucket behind keel's back is named, and that S3's own failures are one line with the documented
 * exit code. One repository with a backup and pushed WAL is built once; each test prunes or damages its
 * own copy of the bucket.
 */
@WithPostgres
class S3BackupCycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "shop/prod";

    @TempDir
    static Path dir;

    static S3TestServer s3;
    static String template;
    static String bucket;
    static Path key;
    static String pushedSegment;
    static byte[] pushedContent;
    static TestCluster cluster;
    static String firstBackup;

    @BeforeAll
    static void encryptedRepositoryWithOneBackup(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        s3 = S3TestServer.start();
        bucket = s3.newBucket();
        key = writeKey("backup.key");
        configureBucket();
        cluster.execute("postgres", "create table orders (id int primary key, note text)");
        cluster.execute("postgres", "insert into orders select g, 'order ' || g from generate_series(1, 1000) g");
        Cli.Run init = keel("backup", "init");
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        assertThat(init.stdout()).contains("s3://" + bucket + "/" + PREFIX, "encryption aes-256-gcm");
        firstBackup = backup();
        // Rows written after the backup, whose WAL reaches the bucket only through wal push.
        cluster.execute("postgres", "insert into orders select g, 'late ' || g from generate_series(1001, 1200) g");
        pushedSegment = cluster.queryString("postgres", "select pg_walfile_name(pg_switch_wal())");
        pushedContent =
                Files.readAllBytes(cluster.cluster().dataDir().resolve("pg_wal").resolve(pushedSegment));
        BackupRuns.pushFinishedSegments(cluster, dir, null, pushedSegment);
        template = bucket;
    }

    @BeforeEach
    void ownCopyOfTheBucket() throws Exception {
        bucket = s3.copyOf(template);
        configureBucket();
    }

    /** keel.yaml naming the bucket in {@link #bucket}. */
    private static void configureBucket() throws Exception {
        Files.writeString(
                dir.resolve("keel.yaml"),
                "backup:\n  repository: s3://" + bucket + "/" + PREFIX + "\n  rpo: 1h\n  rto: 1h\n"
                        + "  encryption:\n    keyFile: " + key + "\n" + s3.yaml());
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
    }

    @Test
    void theBackupIsListedCompleteAndLivesEncryptedUnderThePrefix() throws Exception {
        Cli.Run list = keel("--json", "backup", "list");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        JsonNode listed = JSON.readTree(list.stdout());
        assertThat(listed.get("repository").asText()).isEqualTo("s3://" + bucket + "/" + PREFIX);
        assertThat(listed.get("backups")).singleElement().satisfies(b -> {
            assertThat(b.get("id").asText()).isEqualTo(firstBackup);
            assertThat(b.get("complete").asBoolean()).isTrue();
        });

        List<String> keys = s3.keys(bucket, "");
        assertThat(keys)
                .allMatch(k -> k.startsWith(PREFIX + "/"))
                .contains(key("keel-repo.json"), key("backups/" + firstBackup + "/manifest.json"));
        String manifest = new String(
                s3.read(bucket, key("backups/" + firstBackup + "/manifest.json")), StandardCharsets.ISO_8859_1);
        assertThat(manifest)
                .as("the manifest is stored encrypted")
                .startsWith("KLOB")
                .doesNotContain("startLsn");
    }

    @Test
    void walPushedToTheBucketComesBackIdentical() throws Exception {
        String last = pushedSegment;
        byte[] original = pushedContent;
        assertThat(s3.keys(bucket, key("wal/"))).contains(key("wal/" + last.substring(0, 8) + "/" + last));

        Path fetched = dir.resolve("fetched-" + last);
        Cli.Run get = keel("wal", "get", last, fetched.toString());
        assertThat(get.exitCode()).as(get.stderr()).isZero();
        assertThat(Files.readAllBytes(fetched)).isEqualTo(original);

        Cli.Run missing = keel(
                "wal", "get", "0000000100000FFF000000FF", dir.resolve("never").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errorLines()).singleElement().asString().contains("holds no 0000000100000FFF000000FF");
    }

    @Test
    void verifyReadsEveryObjectAndTheWalChainFromTheBucket() throws Exception {
        Cli.Run run = keel("--json", "backup", "verify", "--all");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        assertThat(result.get("repository").asText()).isEqualTo("s3://" + bucket + "/" + PREFIX);
        assertThat(result.get("backups").get(0).get("walSegments").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("objectsRead").asLong())
                .isGreaterThan(result.get("backups").get(0).get("files").asLong());
    }

    @Test
    void restoreFromTheBucketReplaysThePushedWal() throws Exception {
        Path target = dir.resolve("restored");
        Cli.Run run = keel("--json", "restore", "--target-dir", target.toString(), "--start");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + result.get("port").asInt() + "/postgres?user=postgres");
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from orders")) {
            rs.next();
            assertThat(rs.getLong(1))
                    .as("the rows written after the backup came from WAL in the bucket")
                    .isEqualTo(1200);
        } finally {
            new PostgresCluster(PostgresBinaries.at(Path.of(result.get("binDir").asText())), target).stop();
        }
    }

    @Test
    void aDrillIsRecordedInTheBucketAndTheDoctorReadsItFromThere() throws Exception {
        assertThat(backupTargetFindings())
                .as("before any drill")
                .anyMatch(s -> s.contains("no restore drill is recorded"));

        Cli.Run drill = keel("--json", "drill");
        assertThat(drill.exitCode()).as(drill.stdout() + drill.stderr()).isZero();
        String drillId = JSON.readTree(drill.stdout()).get("id").asText();
        // The id's reservation stays beside the record, so the id is never handed out again.
        assertThat(s3.keys(bucket, key("drills/")))
                .containsExactly(key("drills/" + drillId + ".json"), key("drills/" + drillId + ".reserved"));

        assertThat(backupTargetFindings())
                .as("a passed drill within backup.rto, read back from the bucket")
                .isEmpty();
    }

    @Test
    void pruneRemovesTheOlderBackupAndItsWalFromTheBucket() throws Exception {
        String latestBackup = backup();
        List<String> walBefore = s3.keys(bucket, key("wal/"));
        Cli.Run run = keel("--json", "backup", "prune", "--keep-full", "1");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(s3.keys(bucket, key("backups/" + firstBackup + "/"))).isEmpty();
        assertThat(s3.keys(bucket, key("backups/" + latestBackup + "/")))
                .contains(key("backups/" + latestBackup + "/manifest.json"));
        assertThat(s3.keys(bucket, key("wal/"))).hasSizeLessThan(walBefore.size());

        Cli.Run verify = keel("backup", "verify", "--all");
        assertThat(verify.exitCode())
                .as("the kept backup still has its WAL: " + verify.stdout())
                .isZero();
    }

    @Test
    void objectsDeletedOrOverwrittenInTheBucketAreNamedAndRestoreRefuses() throws Exception {
        String latestBackup = firstBackup;
        List<String> files = s3.keys(bucket, key("backups/" + latestBackup + "/files/"));
        String deleted = files.get(files.size() - 1);
        // Small files such as PG_VERSION live in bundles: damage the last file of the first bundle.
        String overwritten =
                s3.keys(bucket, key("backups/" + latestBackup + "/bundles/")).get(0);
        byte[] deletedContent = s3.read(bucket, deleted);
        byte[] overwrittenContent = s3.read(bucket, overwritten);
        s3.delete(bucket, deleted);
        byte[] flipped = overwrittenContent.clone();
        flipped[flipped.length - 3] ^= 0x20;
        s3.write(bucket, overwritten, flipped);
        try {
            Cli.Run verify = keel("--json", "backup", "verify");
            assertThat(verify.exitCode()).as(verify.stderr()).isEqualTo(1);
            assertThat(JSON.readTree(verify.stdout()).get("problems"))
                    .extracting(
                            p -> p.get("kind").asText() + " " + p.get("object").asText())
                    .containsExactlyInAnyOrder("missing " + object(deleted), "damaged " + object(overwritten));

            Path target = dir.resolve("restored-damaged");
            Cli.Run restore = keel("restore", "--target-dir", target.toString());
            assertThat(restore.exitCode()).as(restore.stderr()).isEqualTo(1);
            assertThat(restore.errorLines()).singleElement().asString().contains(latestBackup);
            try (Stream<Path> left = Files.list(target)) {
                assertThat(left).as("nothing of a refused restore stays behind").isEmpty();
            }
        } finally {
            s3.write(bucket, deleted, deletedContent);
            s3.write(bucket, overwritten, overwrittenContent);
        }
        assertThat(keel("backup", "verify").exitCode()).isZero();
    }

    @Test
    void withoutTheKeyOrWithAnotherKeyTheRepositoryIsRefusedInOneLine() throws Exception {
        Path noKey = config("no-key.yaml", "backup:\n  repository: s3://" + bucket + "/" + PREFIX + "\n" + s3.yaml());
        Cli.Run missing = keel("--config", noKey.toString(), "backup", "list");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errorLines()).singleElement().asString().contains("is encrypted and no key is configured");

        Path otherKey = writeKey("other.key");
        Path wrongKey = config(
                "wrong-key.yaml",
                "backup:\n  repository: s3://" + bucket + "/" + PREFIX + "\n  encryption:\n    keyFile: " + otherKey
                        + "\n" + s3.yaml());
        Cli.Run wrong = keel(
                "--config",
                wrongKey.toString(),
                "restore",
                "--target-dir",
                dir.resolve("restored-wrong-key").toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.errorLines())
                .singleElement()
                .asString()
                .contains("is not the key of backup repository s3://" + bucket);
        assertThat(missing.stderr() + wrong.stderr())
                .doesNotContain(S3TestServer.SECRET_KEY)
                .doesNotContain(Files.readString(otherKey).strip());
    }

    @Test
    void anUnreachableEndpointIsOneLineWithExitFourNotTheDatabasesThree() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path nowhere = config(
                "nowhere.yaml",
                "backup:\n  repository: s3://" + bucket + "/" + PREFIX + "\n"
                        + s3.yaml().replace(s3.endpoint().toString(), "http://127.0.0.1:" + port));
        Cli.Run run = keel("--config", nowhere.toString(), "backup", "verify");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("S3 endpoint http://127.0.0.1:" + port + " is unreachable");
        assertThat(run.stderr()).doesNotContain(S3TestServer.SECRET_KEY).doesNotContain("\tat ");
    }

    private static String backup() throws Exception {
        Cli.Run run = keel("--json", "backup");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout()).get("id").asText();
    }

    /** The summaries of the doctor's backup-targets findings, which it reads from the repository keel.yaml names. */
    private static List<String> backupTargetFindings() throws Exception {
        Cli.Run doctor = keel("--json", "doctor");
        assertThat(doctor.exitCode()).as(doctor.stderr()).isIn(0, 1);
        JsonNode report = JSON.readTree(doctor.stdout());
        assertThat(report.get("checks")).extracting(JsonNode::asText).contains("backup-targets");
        List<String> summaries = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("check").asText().equals("backup-targets")) {
                summaries.add(f.get("summary").asText());
            }
        });
        return summaries;
    }

    private static Path writeKey(String name) throws Exception {
        byte[] key = new byte[32];
        // A fixed key per name: the test needs a valid key, not a secret one, and a rerun sees the same bytes.
        new Random(name.hashCode()).nextBytes(key);
        Path file = dir.resolve(name);
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        return file;
    }

    private static Path config(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    /** The bucket key of a repository object. */
    private static String key(String object) {
        return PREFIX + "/" + object;
    }

    /** The repository object a bucket key holds, as keel names it. */
    private static String object(String key) {
        return key.substring(PREFIX.length() + 1);
    }

    static Cli.Run keel(String... args) {
        return BackupRuns.keel(cluster, dir, null, args);
    }
}
