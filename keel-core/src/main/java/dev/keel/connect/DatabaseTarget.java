package dev.keel.connect;

import java.util.Properties;
import java.util.regex.Matcher;

/**
 * Where keel connects and how it learned of it. The password lives only in {@code properties} and
 * in no method that renders the target, so no message can leak it.
 */
public record DatabaseTarget(
        String jdbcUrl, Properties properties, String host, int port, String database, String source) {

    public String user() {
        return properties.getProperty("user");
    }

    /** The same server and credentials, another database. */
    public DatabaseTarget withDatabase(String name) {
        String url = jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/?]*/)[^?]*", "$1" + Matcher.quoteReplacement(name));
        return new DatabaseTarget(url, properties, host, port, name, source);
    }

    /** host:port/database, for messages. */
    public String describe() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return describe() + " (from " + source + ")";
    }
}
