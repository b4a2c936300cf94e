package dev.keel.config;

import java.util.List;

/** keel-core's own keys: which database, and the schema where keel keeps its state. */
public final class CoreSettings implements ConfigSection {
    public static final ConfigKey<String> DATABASE_URL = ConfigKey.text(
            "database.url",
            null,
            "the database: postgresql://user@host:5432/db?sslmode=require or jdbc:postgresql://…; without one keel starts its embedded PostgreSQL");
    public static final ConfigKey<String> DATABASE_USER =
            ConfigKey.text("database.user", null, "the user, when the URL names none");
    public static final ConfigKey<String> DATABASE_PASSWORD = ConfigKey.text(
            "database.password",
            null,
            "the password; write ${VARIABLE} to take it from the environment rather than the file");
    public static final ConfigKey<String> SCHEMA = ConfigKey.text(
            "schema", "keel", "the schema where keel keeps its state: migration history, statistics snapshots");

    @Override
    public String title() {
        return "Database";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, SCHEMA);
    }

    @Override
    public int order() {
        return 0;
    }
}
