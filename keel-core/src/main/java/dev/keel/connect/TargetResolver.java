package dev.keel.connect;

import dev.keel.config.KeelYaml;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which database keel talks to, in the documented order: --url, KEEL_URL, keel.yaml
 * database.url, libpq's PG* variables (with ~/.pgpass, which the driver reads), and otherwise none,
 * which means the embedded default.
 */
public final class TargetResolver {

    private TargetResolver() {}

    /** Empty means no database is configured: use the embedded default. A password in the URL wins over the others. */
    public static Optional<DatabaseTarget> resolve(String cliUrl, KeelYaml config, Map<String, String> env) {
        KeelYaml.Database db = config.database();
        String password = db.password() != null ? db.password() : env.get("PGPASSWORD");
        if (present(cliUrl)) {
            return Optional.of(TargetParser.parse(cliUrl, db.user(), password, "--url"));
        }
        if (present(env.get("KEEL_URL"))) {
            return Optional.of(TargetParser.parse(env.get("KEEL_URL"), db.user(), password, "KEEL_URL"));
        }
        if (db.configured()) {
            return Optional.of(TargetParser.parse(db.url(), db.user(), password, "keel.yaml database.url"));
        }
        if (present(env.get("PGHOST"))
                || present(env.get("PGPORT"))
                || present(env.get("PGDATABASE"))
                || present(env.get("PGUSER"))) {
            return Optional.of(fromLibpqEnvironment(env, db.user(), password));
        }
        return Optional.empty();
    }

    private static DatabaseTarget fromLibpqEnvironment(Map<String, String> env, String configUser, String password) {
        String user = present(configUser) ? configUser : env.getOrDefault("PGUSER", System.getProperty("user.name"));
        String host = env.getOrDefault("PGHOST", "localhost");
        if (host.startsWith("/")) {
            host = "localhost";
        }
        String port = env.getOrDefault("PGPORT", "5432");
        String database = env.getOrDefault("PGDATABASE", user);
        StringBuilder url = new StringBuilder("jdbc:postgresql://")
                .append(host)
                .append(':')
                .append(port)
                .append('/')
                .append(database);
        if (present(env.get("PGSSLMODE"))) {
            url.append("?sslmode=").append(env.get("PGSSLMODE"));
        }
        return TargetParser.parse(url.toString(), user, password, "PG* environment");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
