package dev.keel.migrate;

import dev.keel.change.ChangeSettings;
import dev.keel.check.CheckSettings;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Fluent configuration for applications: {@code Keel.configure().dataSource(ds).load().migrate()}.
 * Each setter states its default; {@link #load()} refuses contradictions.
 */
public final class KeelConfiguration {
    private DataSource dataSource;
    private String url;
    private String user;
    private String password;
    private List<String> locations = MigrationSection.LOCATIONS.defaultValue();
    private Path projectDir;
    private KeelYaml config;
    private Map<String, String> env = System.getenv();
    private String schema = "keel";
    private String table = MigrationSection.TABLE.defaultValue();
    private Duration lockTimeout = MigrationSection.LOCK_TIMEOUT.defaultValue();
    private Duration statementTimeout = MigrationSection.STATEMENT_TIMEOUT.defaultValue();
    private int lockRetries = MigrationSection.LOCK_RETRIES.defaultValue();
    private boolean outOfOrder;
    private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private MigrationListener listener = MigrationListener.SILENT;
    private CheckSettings check;
    private ChangeSettings changes;

    KeelConfiguration() {}

    /** The application's DataSource; keel borrows connections and returns them. */
    public KeelConfiguration dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /** A JDBC or libpq URL instead of a DataSource. */
    public KeelConfiguration url(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        return this;
    }

    /** Default {@code db/migrations} under the project directory; {@code classpath:} and {@code filesystem:} prefixes work. */
    public KeelConfiguration locations(String... locations) {
        if (locations.length == 0) {
            throw new IllegalArgumentException("at least one migration location is needed");
        }
        this.locations = List.of(locations);
        return this;
    }

    /**
     * Where relative filesystem locations start and where keel.yaml is read (its check section); default the given
     * configuration's directory, else the working directory.
     */
    public KeelConfiguration projectDir(Path projectDir) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        return this;
    }

    /** An already loaded keel.yaml instead of reading the one in the project directory; its check section is used. */
    public KeelConfiguration config(KeelYaml config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /** Where KEEL_* overrides of keel.yaml come from; default {@code System.getenv()}. */
    public KeelConfiguration env(Map<String, String> env) {
        this.env = Map.copyOf(env);
        return this;
    }

    /** Schema of keel's own tables; default {@code keel}. */
    public KeelConfiguration schema(String schema) {
        this.schema = requireName(schema, "schema");
        return this;
    }

    /** History table name; default {@code schema_history}. */
    public KeelConfiguration table(String table) {
        this.table = requireName(table, "table");
        return this;
    }

    /** How long a statement may wait for a lock before it is retried; default 2s. */
    public KeelConfiguration lockTimeout(Duration lockTimeout) {
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "lockTimeout must be positive: without one a blocked DDL statement stalls every query behind it");
        }
        this.lockTimeout = lockTimeout;
        return this;
    }

    /** Zero for none (the default); a file may override it with {@code -- keel:statement-timeout}. */
    public KeelConfiguration statementTimeout(Duration statementTimeout) {
        if (statementTimeout.isNegative()) {
            throw new IllegalArgumentException("statementTimeout must not be negative");
        }
        this.statementTimeout = statementTimeout;
        return this;
    }

    /** Retries after a lock timeout; default 5. */
    public KeelConfiguration lockRetries(int lockRetries) {
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lockRetries must not be negative");
        }
        this.lockRetries = lockRetries;
        return this;
    }

    /** Apply pending versions below the current one; default false. */
    public KeelConfiguration outOfOrder(boolean outOfOrder) {
        this.outOfOrder = outOfOrder;
        return this;
    }

    /** For {@code classpath:} locations; default the thread's context class loader. */
    public KeelConfiguration classLoader(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader);
        return this;
    }

    /**
     * The check settings (startAfter, exclude, waivers) of the safety checks migrate runs, instead of keel.yaml's
     * check section; default that section (none there: every rule on every pending file).
     */
    public KeelConfiguration check(CheckSettings check) {
        this.check = Objects.requireNonNull(check, "check");
        return this;
    }

    /** How zero-downtime changes take locks and fill rows, instead of keel.yaml's changes section. */
    public KeelConfiguration changes(ChangeSettings changes) {
        this.changes = Objects.requireNonNull(changes, "changes");
        return this;
    }

    public KeelConfiguration listener(MigrationListener listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    public Keel load() {
        if (dataSource != null && url != null) {
            throw new KeelException(
                    CoreError.SETUP_INVALID, "both a DataSource and a URL were configured", "give keel one of them");
        }
        if (dataSource == null && url == null) {
            throw new KeelException(
                    CoreError.SETUP_INVALID,
                    "no database was configured",
                    "call dataSource(...) or url(...) before load()");
        }
        // The same rule as the other facades: the given configuration, else keel.yaml in the project directory.
        KeelYaml loaded = ConfigLoader.given(config, projectDir, env);
        ConnectionSource source = dataSource != null
                ? ConnectionSource.of(dataSource)
                : ConnectionSource.of(TargetParser.parse(url, user, password, "the application's configuration"));
        MigrationSettings settings = new MigrationSettings(
                projectDir != null ? projectDir : loaded.projectDir().toAbsolutePath(),
                locations,
                schema,
                table,
                lockTimeout,
                statementTimeout,
                lockRetries,
                outOfOrder,
                classLoader,
                check != null ? check : CheckSettings.from(loaded));
        return new Keel(source, settings, listener, changes != null ? changes : ChangeSettings.from(loaded));
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return name;
    }
}
