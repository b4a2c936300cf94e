package dev.keel.connect;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Accepts the URL forms teams already have: libpq URIs (postgresql://…, postgres://…) and JDBC URLs
 * (jdbc:postgresql://…). Query parameters such as sslmode pass through to the driver.
 */
public final class TargetParser {

    private TargetParser() {}

    /** A part of the URL's user info, decoded; a malformed escape is named by {@code part}, never quoted. */
    private static String decode(String s, String part, String source) {
        return PercentDecoding.decode(s).orElseThrow(() -> JdbcUrlCheck.malformed(part, source));
    }

    /** A libpq URI's parts: the JDBC URL without credentials, and the credentials it held (null when absent). */
    record Converted(String jdbcUrl, String user, String password) {}

    /**
     * The URL's own user and password win over {@code user} and {@code password}, as they do in the
     * driver, so messages name the user the driver really connects as.
     */
    public static DatabaseTarget parse(String url, String user, String password, String source) {
        Converted converted = url.startsWith("jdbc:") ? new Converted(url, null, null) : toJdbc(url, source);
        String jdbcUrl = converted.jdbcUrl();
        if (jdbcUrl.startsWith("jdbc:postgresql://")) {
            JdbcUrlCheck.escapes(jdbcUrl, source);
        }
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            throw JdbcUrlCheck.refused(jdbcUrl, source);
        }
        JdbcUrlCheck.sslmode(parsed, source);
        Properties properties = new Properties();
        String urlUser = converted.user() != null ? converted.user() : parsed.getProperty("user");
        if (urlUser != null && !urlUser.isBlank()) {
            properties.setProperty("user", urlUser);
        } else if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        } else {
            properties.setProperty("user", System.getProperty("user.name"));
        }
        if (converted.password() != null) {
            properties.setProperty("password", converted.password());
        } else if (password != null) {
            properties.setProperty("password", password);
        }
        String host = parsed.getProperty("PGHOST", "localhost");
        int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
        String database = parsed.getProperty("PGDBNAME", "");
        return new DatabaseTarget(jdbcUrl, properties, host.split(",")[0], port, database, source);
    }

    /** postgresql://user:secret@host:port/db?sslmode=require → jdbc:postgresql://host:port/db?sslmode=require, user, secret */
    static Converted toJdbc(String url, String source) {
        int scheme = url.indexOf("://");
        String prefix = scheme < 0 ? "" : url.substring(0, scheme);
        if (!prefix.equals("postgresql") && !prefix.equals("postgres")) {
            throw new KeelException(
                    CoreError.URL_INVALID,
                    "the database URL from " + source + " is not a PostgreSQL URL",
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
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String name = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, "the user name", source);
            user = name.isEmpty() ? null : name;
            password = colon >= 0 ? decode(userInfo.substring(colon + 1), "the password", source) : null;
        }
        String params = LibpqParameters.toJdbc(query);
        String hostPort = rest.isEmpty() ? "localhost" : rest;
        // pgjdbc decodes the database name and parameter values itself.
        return new Converted(
                "jdbc:postgresql://" + hostPort + "/" + path + (params.isEmpty() ? "" : "?" + params), user, password);
    }
}
