package dev.keel.backup.remote;

import dev.keel.connect.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Where and as whom the replication connection goes: the same host, port, user, password and TLS
 * settings as keel's JDBC connections (--url, KEEL_URL, keel.yaml, PG* with ~/.pgpass), so one
 * setting serves both. The password stays out of every rendering.
 *
 * @param password null when none is configured: the server may trust the connection
 * @param sslRootCert the CA certificates for verify-ca and verify-full; null for the JDK's trust store
 */
record ReplicationTarget(String host, int port, String user, String password, SslMode sslMode, Path sslRootCert) {

    static ReplicationTarget from(DatabaseTarget target, Map<String, String> env) {
        // The driver's own parse, so URL parameters (sslmode, password …) mean here what they mean to pgjdbc.
        Properties url = Driver.parseURL(target.jdbcUrl(), target.properties());
        Properties properties = url == null ? target.properties() : url;
        String password = target.properties().getProperty("password", properties.getProperty("password"));
        if (password == null) {
            password = PgPassFile.find(target.host(), target.port(), PgPassFile.REPLICATION, target.user(), env)
                    .orElse(null);
        }
        String rootCert = properties.getProperty("sslrootcert");
        Path defaultRoot = Path.of(System.getProperty("user.home"), ".postgresql", "root.crt");
        Path root = rootCert != null ? Path.of(rootCert) : Files.isRegularFile(defaultRoot) ? defaultRoot : null;
        return new ReplicationTarget(target.host(), target.port(), target.user(), password, sslMode(properties), root);
    }

    /** pgjdbc's rule: sslmode when given; ssl=true alone means verify-full; prefer otherwise. */
    private static SslMode sslMode(Properties properties) {
        String mode = properties.getProperty("sslmode");
        if (mode != null && !mode.isBlank()) {
            return SslMode.parse(mode);
        }
        String ssl = properties.getProperty("ssl");
        if (ssl != null && (ssl.isEmpty() || Boolean.parseBoolean(ssl))) {
            return SslMode.VERIFY_FULL;
        }
        return SslMode.PREFER;
    }

    /** host:port, for messages. */
    String describe() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "ReplicationTarget[" + user + "@" + describe() + ", sslmode=" + sslMode.text() + ", password="
                + (password == null ? "none" : "****") + "]";
    }
}
