package dev.keel.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code keel.*} properties. Defaults are those of the command line and of {@code Keel.configure()}, except the
 * location: an application ships its migrations on the class path, so {@code classpath:db/migrations}.
 */
@ConfigurationProperties("keel")
public class KeelProperties {
    /** Whether Keel migrates the application's DataSource at start. */
    private boolean enabled = true;

    /** Where the migrations are: {@code classpath:} or {@code filesystem:} locations. */
    private List<String> locations = List.of("classpath:db/migrations");

    /** Schema of Keel's own tables (history, change state, flags). */
    private String schema = "keel";

    /** Name of the history table in {@link #schema}. */
    private String table = "schema_history";

    /** Run the static safety checks before applying; off applies without them, and Keel says so in the log. */
    private boolean checks = true;

    /** Stop after this version; empty for the latest. */
    private String target;

    /** How long a statement may wait for a lock before it is retried. */
    private Duration lockTimeout = Duration.ofSeconds(2);

    /** Retries after a lock timeout. */
    private int lockRetries = 5;

    /** Zero for none; a file may set its own with {@code -- keel:statement-timeout}. */
    private Duration statementTimeout = Duration.ZERO;

    /** Apply pending versions below the current one. */
    private boolean outOfOrder;

    /**
     * Complete each zero-downtime change right after its start instead of leaving it active (local development, tests,
     * empty databases). Off in production: the change stays active until the new version is rolled out.
     */
    private boolean completeChanges;

    /** Where keel.yaml (its check waivers, changes section) is read; empty for the working directory. */
    private Path projectDir;

    private final Metrics metrics = new Metrics();
    private final Health health = new Health();
    private final Flags flags = new Flags();
    private final Replicas replicas = new Replicas();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public boolean isChecks() {
        return checks;
    }

    public void setChecks(boolean checks) {
        this.checks = checks;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public int getLockRetries() {
        return lockRetries;
    }

    public void setLockRetries(int lockRetries) {
        this.lockRetries = lockRetries;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public boolean isOutOfOrder() {
        return outOfOrder;
    }

    public void setOutOfOrder(boolean outOfOrder) {
        this.outOfOrder = outOfOrder;
    }

    public boolean isCompleteChanges() {
        return completeChanges;
    }

    public void setCompleteChanges(boolean completeChanges) {
        this.completeChanges = completeChanges;
    }

    public Path getProjectDir() {
        return projectDir;
    }

    public void setProjectDir(Path projectDir) {
        this.projectDir = projectDir;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Health getHealth() {
        return health;
    }

    public Flags getFlags() {
        return flags;
    }

    public Replicas getReplicas() {
        return replicas;
    }

    /** Statement timers of keel-jdbc on the application's DataSource, published to its MeterRegistry. */
    public static class Metrics {
        /** Wrap the application's DataSource beans so that every statement is timed. */
        private boolean enabled = true;

        /** Log statements at least this slow (logger dev.keel.jdbc.slow, WARN); empty for no log. */
        private Duration slowStatementThreshold;

        /** Tag timers with the application method that ran the statement (a stack walk per statement). */
        private boolean tagCallers;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getSlowStatementThreshold() {
            return slowStatementThreshold;
        }

        public void setSlowStatementThreshold(Duration slowStatementThreshold) {
            this.slowStatementThreshold = slowStatementThreshold;
        }

        public boolean isTagCallers() {
            return tagCallers;
        }

        public void setTagCallers(boolean tagCallers) {
            this.tagCallers = tagCallers;
        }
    }

    /** The {@code keel} health indicator (management.health.keel.enabled turns it off). */
    public static class Health {
        /** How long one doctor run answers health probes before the next probe runs it again. */
        private Duration cacheFor = Duration.ofSeconds(30);

        public Duration getCacheFor() {
            return cacheFor;
        }

        public void setCacheFor(Duration cacheFor) {
            this.cacheFor = cacheFor;
        }
    }

    /** The feature-flag client as a bean. */
    public static class Flags {
        /** Create the {@code Flags} bean (it holds one connection of the pool for LISTEN). */
        private boolean enabled;

        /** How often all flags are read again besides the notifications. */
        private Duration reloadInterval = Duration.ofSeconds(30);

        /** The answer for every flag before the first read succeeded. */
        private boolean safeDefault;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getReloadInterval() {
            return reloadInterval;
        }

        public void setReloadInterval(Duration reloadInterval) {
            this.reloadInterval = reloadInterval;
        }

        public boolean isSafeDefault() {
            return safeDefault;
        }

        public void setSafeDefault(boolean safeDefault) {
            this.safeDefault = safeDefault;
        }
    }

    /** Read replicas behind a routing DataSource with read-your-writes. */
    public static class Replicas {
        /** The replicas by name; none leaves the application's DataSource as it is. */
        private Map<String, Server> servers = new LinkedHashMap<>();

        /** The name of the DataSource bean that becomes the primary behind the routing DataSource. */
        private String dataSource = "dataSource";

        /** A replica further behind than this is skipped. */
        private Duration maxLag = Duration.ofSeconds(10);

        /** Whose writes a read must see: thread, session (the HTTP session) or bean (a KeelConsistencyKey bean). */
        private ConsistencyKeySource consistencyKey = ConsistencyKeySource.THREAD;

        /** Where the last written positions are kept: memory (this instance) or table (shared by all instances). */
        private PositionStore positions = PositionStore.MEMORY;

        public Map<String, Server> getServers() {
            return servers;
        }

        public void setServers(Map<String, Server> servers) {
            this.servers = servers;
        }

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public Duration getMaxLag() {
            return maxLag;
        }

        public void setMaxLag(Duration maxLag) {
            this.maxLag = maxLag;
        }

        public ConsistencyKeySource getConsistencyKey() {
            return consistencyKey;
        }

        public void setConsistencyKey(ConsistencyKeySource consistencyKey) {
            this.consistencyKey = consistencyKey;
        }

        public PositionStore getPositions() {
            return positions;
        }

        public void setPositions(PositionStore positions) {
            this.positions = positions;
        }
    }

    /** One replica: a JDBC URL and credentials; a pool of its own is made for it. */
    public static class Server {
        /** JDBC URL of the replica, for example {@code jdbc:postgresql://replica-1:5432/shop}. */
        private String url;

        /** User name on the replica; unset, the URL says it (or the driver's default applies). */
        private String username;

        /** Password on the replica; unset, the URL says it, if the replica needs one. */
        private String password;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    public enum ConsistencyKeySource {
        THREAD,
        SESSION,
        BEAN
    }

    public enum PositionStore {
        MEMORY,
        TABLE
    }
}
