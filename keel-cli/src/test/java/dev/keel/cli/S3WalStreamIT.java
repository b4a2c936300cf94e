package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.S3TestServer;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel wal stream into an s3:// repository, with the endpoint and credentials given only by the
 * standard AWS variables: every keel here is a separate process, because the variables are read from
 * the process's environment and keel.yaml sets nothing about S3.
 */
@WithPostgres
class S3WalStreamIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static S3TestServer s3;
    static TestCluster cluster;

    @BeforeAll
    static void start(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        s3 = S3TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Test
    void streamedWalInTheBucketCarriesABackupWithoutAGap() throws Exception {
        String bucket = s3.newBucket();
        String repo = "s3://" + bucket + "/streamed";
        Cli.Run init = keel(s3.env(), "backup", "init", "--repo", repo);
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        cluster.execute("postgres", "create table streamed (id bigint, pad text)");

        JavaProcess stream = Cli.start(
                dir,
                s3.env(),
                "--url",
                cluster.jdbcUrl(),
                "-C",
                dir.toString(),
                "wal",
                "stream",
                "--repo",
                repo,
                "--spool",
                dir.resolve("spool").toString(),
                "--slot",
                "s3_stream",
                "--partial-interval",
                "1");
        Cli.Run backup = keel(s3.env(), "--json", "backup", "--repo", repo);
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();
        for (int round = 0; round < 3; round++) {
            cluster.execute(
                    "postgres", "insert into streamed select g, repeat('x', 200) from generate_series(1, 20000) g");
            cluster.execute("postgres", "select pg_switch_wal()");
        }
        List<String> stored = awaitStored(stream, 3);
        assertThat(stream.terminate(60)).as(stream.stderr()).isZero();
        assertThat(stream.stderr()).contains("keel: stopped streaming on SIGTERM at ");

        for (String segment : stored) {
            assertThat(s3.keys(bucket, "streamed/wal/" + segment.substring(0, 8) + "/"))
                    .contains("streamed/wal/" + segment.substring(0, 8) + "/" + segment);
        }
        Cli.Run verify = keel(s3.env(), "--json", "backup", "verify", "--repo", repo);
        assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
        JsonNode checked = JSON.readTree(verify.stdout()).get("backups").get(0);
        assertThat(checked.get("walTo").asText())
                .as("the chain runs on through the streamed segments")
                .isGreaterThanOrEqualTo(stored.get(stored.size() - 1));
    }

    @Test
    void aBucketRemovedWhileStreamingStopsTheStreamWithAnErrorInsteadOfRetryingForever() throws Exception {
        String bucket = s3.newBucket();
        String repo = "s3://" + bucket + "/vanishing";
        Cli.Run init = keel(s3.env(), "backup", "init", "--repo", repo);
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        Path spool = dir.resolve("spool-vanishing");
        JavaProcess stream = Cli.start(
                dir,
                s3.env(),
                "--url",
                cluster.jdbcUrl(),
                "-C",
                dir.toString(),
                "wal",
                "stream",
                "--repo",
                repo,
                "--spool",
                spool.toString(),
                "--slot",
                "s3_vanishing",
                "--partial-interval",
                "1");
        try {
            cluster.execute("postgres", "select pg_switch_wal()");
            awaitStored(stream, 1);
            s3.deleteBucket(bucket);
            cluster.execute(
                    "postgres", "create table if not exists vanishing (n int); insert into vanishing values (1)");
            cluster.execute("postgres", "select pg_switch_wal()");
            int exit = stream.waitFor(60);
            assertThat(exit)
                    .as("a missing bucket is a configuration error: " + stream.stderr())
                    .isEqualTo(2);
            assertThat(stream.stderr()
                            .lines()
                            .filter(l -> l.startsWith("keel: error:"))
                            .toList())
                    .singleElement()
                    .asString()
                    .contains("bucket '" + bucket + "' does not exist", "keel wal stream stopped", spool.toString());
            assertThat(stream.stderr()).doesNotContain(S3TestServer.SECRET_KEY);
        } finally {
            if (stream.isAlive()) {
                stream.kill9();
            }
            cluster.execute(
                    "postgres",
                    "select pg_drop_replication_slot('s3_vanishing') from pg_replication_slots where slot_name = 's3_vanishing'");
        }
    }

    @Test
    void withoutCredentialsKeelNamesTheVariablesToSet() {
        Map<String, String> env = new HashMap<>(s3.env());
        env.remove("AWS_SECRET_ACCESS_KEY");
        Cli.Run run = keel(env, "backup", "list", "--repo", "s3://" + s3.newBucket());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("the access key id or the secret is missing", "AWS_SECRET_ACCESS_KEY");
    }

    private static Cli.Run keel(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", cluster.jdbcUrl(), "-C", dir.toString()));
        all.addAll(List.of(args));
        return Cli.runProcess(dir, env, all.toArray(String[]::new));
    }

    /** The segments the stream reported stored, once there are at least {@code count}. */
    private static List<String> awaitStored(JavaProcess stream, int count) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> stored = stream.stderr()
                    .lines()
                    .filter(l -> l.matches("keel: stored [0-9A-F]{24}"))
                    .map(l -> l.substring("keel: stored ".length()))
                    .sorted()
                    .toList();
            if (stored.size() >= count) {
                return stored;
            }
            assertThat(stream.isAlive()).as(stream.stderr()).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + count + " segments stored: " + stream.stderr());
    }
}
