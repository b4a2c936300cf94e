package dev.keel.connect;

import java.util.Properties;

/**
 * Where keel connects and how it learned of it. The password lives only in {@code properties} and
 * in no method that renders the target, so no message can leak it.
 */
public record DatabaseTarget(String jdbcUrl, Properties properties, String host, int port, String database, String source) {

    public String user() {
        return properties.getProperty("user");
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
