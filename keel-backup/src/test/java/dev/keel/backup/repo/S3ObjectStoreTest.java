package dev.keel.backup.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.backup.BackupSettings;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.testing.S3TestServer;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3ObjectStoreTest extends ObjectStoreContract {
    static S3TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected ObjectStore newStore() {
        return S3TestStores.store(server, server.newBucket(), "shop/prod");
    }

    @Test
    void objectsLiveUnderTheRepositoryPrefix() {
        String bucket = server.newBucket();
        try (ObjectStore prefixed = S3TestStores.store(server, bucket, "shop/prod");
                ObjectStore root = S3TestStores.store(server, bucket, "")) {
            prefixed.put("keel-repo.json", bytes("{}"));

            assertThat(root.list("")).extracting(ObjectInfo::name).containsExactly("shop/prod/keel-repo.json");
            assertThat(prefixed.describe()).isEqualTo("s3://" + bucket + "/shop/prod");
        }
    }

    @Test
    void aStoppedEndpointIsUnreachableWithExitCode4ForExitCode3IsTheDatabasesAlone() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(server.env());
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + port);
        try (ObjectStore nowhere =
                S3ObjectStore.connect(new RepositoryUrl.S3("backups", ""), S3Settings.resolve(noConfig(), env))) {
            assertThatThrownBy(() -> nowhere.list("")).isInstanceOfSatisfying(KeelException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.OPERATION);
                assertThat(e.code()).isEqualTo(BackupError.S3_UNREACHABLE);
                assertThat(e.what()).startsWith("S3 endpoint http://127.0.0.1:" + port + " is unreachable: ");
                assertThat(e.getMessage()).doesNotContain(S3TestServer.SECRET_KEY);
            });
        }
    }

    @Test
    void aWrongSecretIsARefusalWithExitCode4AndNeverShown() {
        Map<String, String> env = new HashMap<>(server.env());
        env.put("AWS_SECRET_ACCESS_KEY", "not-the-secret-at-all");
        String bucket = server.newBucket();
        try (ObjectStore refused =
                S3ObjectStore.connect(new RepositoryUrl.S3(bucket, ""), S3Settings.resolve(noConfig(), env))) {
            assertThatThrownBy(() -> refused.put("x", bytes("x")))
                    .isInstanceOfSatisfying(RepositoryRefusal.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.OPERATION);
                        assertThat(e.code()).isEqualTo(BackupError.S3_REFUSED);
                        assertThat(e.what()).startsWith("S3 at " + server.endpoint() + " refused to ");
                        assertThat(e.getMessage()).doesNotContain("not-the-secret-at-all");
                    });
        }
    }

    @Test
    void aMissingBucketIsAConfigurationError() {
        try (ObjectStore missing = S3TestStores.store(server, "no-such-bucket", "")) {
            assertThatThrownBy(() -> missing.list("")).isInstanceOfSatisfying(RepositoryRefusal.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                assertThat(e.code()).isEqualTo(BackupError.S3_BUCKET_MISSING);
                assertThat(e.what()).isEqualTo("bucket 'no-such-bucket' does not exist at " + server.endpoint());
            });
        }
    }

    private static BackupSettings.S3 noConfig() {
        return new BackupSettings.S3(null, null, null, null, null);
    }
}
