package dev.keel.insight;

import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.connect.TargetResolver;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Fluent configuration of {@link Insight}: {@code Insight.configure().dataSource(ds).load().doctor()}. Each setter
 * states its default; what is not set comes from keel.yaml. {@link #load()} refuses contradictions; an operation
 * without a database fails when called, naming what to set.
 */
public final class InsightConfiguration {
    private Path projectDir;
    private KeelYaml config;
    private Map<String, String> env = System.getenv();
    private String url;
    private String user;
    private String password;
    private DataSource dataSource;
    private ConnectionSource connections;
    private String schema;

    InsightConfiguration() {}

    /** Where keel.yaml is read; default the working directory. */
    public InsightConfiguration projectDir(Path projectDir) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        return this;
    }

    /** An already loaded configuration instead of reading keel.yaml. */
    public InsightConfiguration config(KeelYaml config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /** Where KEEL_* overrides and the PG* variables come from, and what the doctor's checks read; default {@code System.getenv()}. */
    public InsightConfiguration env(Map<String, String> env) {
        this.env = Map.copyOf(env);
        return this;
    }

    /** The database as a JDBC or libpq URL; default KEEL_URL, keel.yaml's database.url or the PG* variables, in that order. */
    public InsightConfiguration url(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        return this;
    }

    /** The application's DataSource; keel borrows one connection per call and returns it. */
    public InsightConfiguration dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /** Connections from wherever the caller gets them (the command line's project, a test cluster). */
    public InsightConfiguration connections(ConnectionSource connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
        return this;
    }

    /** Schema of keel's snapshots and samples; default keel.yaml's schema (keel). */
    public InsightConfiguration schema(String schema) {
        if (schema == null || schema.isBlank()) {
            throw new IllegalArgumentException("schema must not be empty");
        }
        this.schema = schema;
        return this;
    }

    public Insight load() {
        int given = (url != null ? 1 : 0) + (dataSource != null ? 1 : 0) + (connections != null ? 1 : 0);
        if (given > 1) {
            throw new KeelException(
                    CoreError.SETUP_INVALID,
                    "more than one of a URL, a DataSource and a connection source were configured",
                    "give keel one of them");
        }
        KeelYaml loaded = ConfigLoader.given(config, projectDir, env);
        ConnectionSource source = connections != null
                ? connections
                : dataSource != null
                        ? ConnectionSource.of(dataSource)
                        : url != null
                                ? ConnectionSource.of(
                                        TargetParser.parse(url, user, password, "the application's configuration"))
                                : TargetResolver.resolve(null, loaded, env)
                                        .map(ConnectionSource::of)
                                        .orElse(null);
        return new Insight(loaded, env, source, schema != null ? schema : loaded.schema());
    }
}
