package dev.keel.connect;

import dev.keel.error.KeelException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Accepts the URL forms teams already have: libpq URIs (postgresql://…, postgres://…) and JDBC URLs
 * (jdbc:postgresql://…). Query parameters such as sslmode pass through to the driver.
 */
public final class TargetParser {

    private TargetParser() {
    }

    public static DatabaseTarget parse(String url, String user, String password, String source) {
        String jdbcUrl = url.startsWith("jdbc:") ? url : toJdbc(url, source);
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            throw KeelException.usage("the database URL from " + source + " is not a PostgreSQL URL",
                    "write postgresql://user@host:5432/database or jdbc:postgresql://host:5432/database");
        }
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        } else if (parsed.getProperty("user") != null) {
            properties.setProperty("user", parsed.getProperty("user"));
        } else {
            properties.setProperty("user", System.getProperty("user.name"));
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String host = parsed.getProperty("PGHOST", "localhost");
        int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
        String database = parsed.getProperty("PGDBNAME", "");
        return new DatabaseTarget(jdbcUrl, properties, host.split(",")[0], port, database, source);
    }

    /** postgresql://user:secret@host:port/db?sslmode=require → jdbc:postgresql://host:port/db?user=user&password=secret&sslmode=require */
    static String toJdbc(String url, String source) {
        int scheme = url.indexOf("://");
        String prefix = scheme < 0 ? "" : url.substring(0, scheme);
        if (!prefix.equals("postgresql") && !prefix.equals("postgres")) {
            throw KeelException.usage("the database URL from " + source + " is not a PostgreSQL URL",
                    "write postgresql://user@host:5432/database or jdbc:postgresql://host:5432/database");
        }
        String rest = url.substring(scheme + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        StringBuilder params = new StringBuilder();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            if (!user.isEmpty()) {
                params.append("user=").append(user);
            }
            if (colon >= 0) {
                params.append(params.length() > 0 ? "&" : "").append("password=").append(userInfo.substring(colon + 1));
            }
        }
        if (!query.isEmpty()) {
            params.append(params.length() > 0 ? "&" : "").append(query);
        }
        String hostPort = rest.isEmpty() ? "localhost" : rest;
        // pgjdbc decodes the database name and parameter values itself.
        return "jdbc:postgresql://" + hostPort + "/" + path + (params.length() > 0 ? "?" + params : "");
    }
}
