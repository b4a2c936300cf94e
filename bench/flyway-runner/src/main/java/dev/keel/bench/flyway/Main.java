package dev.keel.bench.flyway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs Flyway's migrate against one database, for bench/migrate-500.sh.
 *
 * <pre>
 * java -jar flyway-runner.jar JDBC_URL MIGRATIONS_DIR [USER]
 * java -jar flyway-runner.jar --version
 * </pre>
 *
 * The user is taken from the third argument, else from the URL's {@code user=} parameter,
 * else "postgres". The password is always empty (the benchmark cluster uses trust auth).
 * Exits 0 on success, 1 on a migration failure, 2 on bad usage.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println(flywayVersion());
            return;
        }
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: flyway-runner JDBC_URL MIGRATIONS_DIR [USER]");
            System.err.println("       flyway-runner --version");
            System.exit(2);
        }
        String url = args[0];
        Path dir = Path.of(args[1]).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            System.err.println("flyway-runner: not a directory: " + dir);
            System.exit(2);
        }
        String user = args.length == 3 ? args[2] : userFromUrl(url);

        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(url, user, "")
                    .locations("filesystem:" + dir)
                    .load()
                    .migrate();
            if (!result.success) {
                System.err.println("flyway-runner: migrate reported failure");
                System.exit(1);
            }
            System.out.println("flyway-runner: applied " + result.migrationsExecuted
                    + " migration(s) with Flyway " + result.flywayVersion);
        } catch (RuntimeException e) {
            System.err.println("flyway-runner: migrate failed: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    /** Reads the {@code user} query parameter of a jdbc:postgresql URL, defaulting to "postgres". */
    static String userFromUrl(String jdbcUrl) {
        String rest = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl;
        String query;
        try {
            query = URI.create(rest).getRawQuery();
        } catch (IllegalArgumentException e) {
            int q = rest.indexOf('?');
            query = q < 0 ? null : rest.substring(q + 1);
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (key.equals("user") && eq >= 0) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return "postgres";
    }

    /** The flyway-core version bundled in this jar, from the Maven metadata the shade plugin keeps. */
    static String flywayVersion() {
        String resource = "/META-INF/maven/org.flywaydb/flyway-core/pom.properties";
        try (InputStream in = Main.class.getResourceAsStream(resource)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        String v = Flyway.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown";
    }
}
