package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replication client against a real server: every password method keel speaks, and TLS as sslmode asks for it. */
@WithPostgres
class ReplicationConnectionIT {
    @TempDir
    static Path dir;

    static TestCluster cluster;
    static String systemIdentifier;
    static Path certificate;

    @BeforeAll
    static void rolesForEachMethod(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        certificate = selfSignedCertificate();
        cluster.reconfigure(Map.of(
                "ssl",
                "on",
                "ssl_cert_file",
                certificate.toString(),
                "ssl_key_file",
                dir.resolve("server.key").toString()));
        cluster.execute("postgres", "create role scram_user login replication password 'scram-pass'");
        cluster.execute(
                "postgres",
                "set password_encryption = 'md5'; create role md5_user login replication password 'md5-pass'");
        cluster.execute("postgres", "create role plain_user login replication password 'plain-pass'");
        cluster.execute("postgres", "create role trusted_user login replication");
        cluster.execute("postgres", "create role no_replication login password 'x'");
        cluster.requireAuthentication(
                "hostssl replication scram_user 127.0.0.1/32 scram-sha-256",
                "hostnossl replication scram_user 127.0.0.1/32 reject",
                "host replication md5_user 127.0.0.1/32 md5",
                "host replication plain_user 127.0.0.1/32 password",
                "host replication no_replication 127.0.0.1/32 scram-sha-256");
        systemIdentifier = cluster.queryString("postgres", "select system_identifier::text from pg_control_system()");
    }

    private static ReplicationTarget target(String user, String password, SslMode mode) {
        return new ReplicationTarget("127.0.0.1", cluster.port(), user, password, mode, certificate);
    }

    private static String identify(ReplicationTarget target) throws IOException {
        try (ReplicationConnection connection = ReplicationConnection.open(target, "keel test")) {
            return connection.query("IDENTIFY_SYSTEM").first("systemid");
        }
    }

    @Test
    void scramOverTls() throws IOException {
        try (ReplicationConnection connection =
                ReplicationConnection.open(target("scram_user", "scram-pass", SslMode.REQUIRE), "keel test")) {
            assertThat(connection.encrypted()).isTrue();
            assertThat(connection.query("IDENTIFY_SYSTEM").first("systemid")).isEqualTo(systemIdentifier);
            assertThat(connection.parameter("server_version")).startsWith(String.valueOf(cluster.majorVersion()));
        }
    }

    @Test
    void verifyFullAcceptsTheServerItsRootCertificateNames() throws IOException {
        assertThat(identify(target("scram_user", "scram-pass", SslMode.VERIFY_FULL)))
                .isEqualTo(systemIdentifier);
    }

    @Test
    void verifyFullRefusesAServerNoTrustedCertificateNames() {
        ReplicationTarget jdkTrust = new ReplicationTarget(
                "127.0.0.1", cluster.port(), "scram_user", "scram-pass", SslMode.VERIFY_FULL, null);

        assertThatThrownBy(() -> identify(jdkTrust)).isInstanceOfSatisfying(KeelException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(e.what()).contains("TLS handshake failed");
        });
    }

    @Test
    void md5() throws IOException {
        assertThat(identify(target("md5_user", "md5-pass", SslMode.DISABLE))).isEqualTo(systemIdentifier);
    }

    @Test
    void cleartextPassword() throws IOException {
        assertThat(identify(target("plain_user", "plain-pass", SslMode.PREFER))).isEqualTo(systemIdentifier);
    }

    @Test
    void trust() throws IOException {
        assertThat(identify(target("trusted_user", null, SslMode.DISABLE))).isEqualTo(systemIdentifier);
    }

    @Test
    void aWrongScramPasswordIsExit3() {
        assertThatThrownBy(() -> identify(target("scram_user", "wrong", SslMode.REQUIRE)))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
                    assertThat(e.what()).contains("password authentication failed");
                });
    }

    @Test
    void aRoleWithoutReplicationIsToldHowToGetIt() {
        assertThatThrownBy(() -> identify(target("no_replication", "x", SslMode.PREFER)))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
                    assertThat(e.todo())
                            .contains("ALTER ROLE no_replication WITH REPLICATION")
                            .contains("host replication no_replication 127.0.0.1/32");
                });
    }

    @Test
    void aServerErrorAfterConnectingComesBackAsIs() throws IOException {
        try (ReplicationConnection connection =
                ReplicationConnection.open(target("trusted_user", null, SslMode.DISABLE), "keel test")) {
            assertThatThrownBy(() -> connection.query("SHOW no_such_setting")).isInstanceOf(ServerErrorException.class);
            // The connection stays usable after an error, as the protocol promises.
            assertThat(connection.query("SHOW wal_segment_size").rows()).hasSize(1);
        }
    }

    /** A certificate for 127.0.0.1 made with openssl, which the server presents and verify-full checks by its IP address entry. */
    private static Path selfSignedCertificate() throws Exception {
        Path cert = dir.resolve("server.crt");
        Process openssl = new ProcessBuilder(List.of(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1",
                        "-keyout",
                        dir.resolve("server.key").toString(),
                        "-out",
                        cert.toString()))
                .redirectErrorStream(true)
                .start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue())
                .as(new String(openssl.getInputStream().readAllBytes()))
                .isZero();
        Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        return cert;
    }
}
