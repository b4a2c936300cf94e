package dev.keel.testing;

import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one cluster per test class annotated with {@link WithPostgres}; JUnit closes it after the class.
 * {@link TestServer} says which binaries it runs.
 */
public final class PostgresExtension implements BeforeAllCallback, ExecutionCondition, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final List<TestCluster> RUNNING = new CopyOnWriteArrayList<>();

    static {
        // A test JVM that dies between classes must not leave postmasters behind.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(TestCluster::close), "keel-test-clusters"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        TestServer server = TestServer.chosen();
        if (context.getTestMethod().isPresent() || server != TestServer.EMBEDDED_IF_SYSTEM) {
            return ConditionEvaluationResult.enabled("runs on " + server);
        }
        WithPostgres config = annotatedClass(context.getRequiredTestClass()).getAnnotation(WithPostgres.class);
        boolean asksForEmbedded = config != null && config.binaries() == WithPostgres.Binaries.EMBEDDED;
        return server.skipReason(asksForEmbedded, PostgresBinaries.system())
                .map(why -> ConditionEvaluationResult.disabled(TestServer.PROPERTY + "=embedded-if-system: " + why))
                .orElse(ConditionEvaluationResult.enabled("runs on the embedded 17 beside the system PostgreSQL"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return cluster(context);
    }

    private static TestCluster cluster(ExtensionContext context) {
        Class<?> testClass = annotatedClass(context.getRequiredTestClass());
        WithPostgres config = testClass.getAnnotation(WithPostgres.class);
        // Stored on the class's context (children see it), so JUnit closes it when the class ends.
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Class<?> key = testClass;
        Holder holder = store.getOrComputeIfAbsent(
                key.getName(), k -> new Holder(start(config, key.getSimpleName())), Holder.class);
        return holder.cluster;
    }

    /** The class carrying {@link WithPostgres}: the test class itself or, for a nested class, one around it. */
    private static Class<?> annotatedClass(Class<?> testClass) {
        while (testClass.getEnclosingClass() != null && !testClass.isAnnotationPresent(WithPostgres.class)) {
            testClass = testClass.getEnclosingClass();
        }
        return testClass;
    }

    /** Closed by JUnit when the test class's context ends. */
    private record Holder(TestCluster cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            RUNNING.remove(cluster);
            cluster.close();
        }
    }

    public static TestCluster start(WithPostgres config, String name) {
        PostgresBinaries binaries =
                binaries(config == null ? WithPostgres.Binaries.SYSTEM_OR_EMBEDDED : config.binaries());
        Path root;
        try {
            root = Files.createTempDirectory("keel-test-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresCluster cluster = new PostgresCluster(binaries, root.resolve("data"));
        boolean durable = config != null && config.durable();
        Map<String, String> settings = PostgresCluster.baseSettings(PostgresCluster.freePort());
        if (!durable) {
            settings.put("fsync", "off");
            settings.put("synchronous_commit", "off");
            settings.put("full_page_writes", "off");
        }
        settings.put("shared_preload_libraries", "pg_stat_statements");
        settings.put("max_connections", "200");
        if (config != null) {
            for (String setting : config.settings()) {
                int eq = setting.indexOf('=');
                settings.put(
                        setting.substring(0, eq).strip(),
                        setting.substring(eq + 1).strip());
            }
        }
        cluster.init(TestCluster.SUPERUSER, settings, durable);
        cluster.start(Duration.ofSeconds(60));
        // One line per class in the build log, so it shows which server each pass exercised.
        System.out.println(
                "keel-testing: " + name + " runs on PostgreSQL " + binaries.version() + " from " + binaries.binDir());
        TestCluster test = new TestCluster(cluster, root);
        RUNNING.add(test);
        return test;
    }

    static PostgresBinaries binaries(WithPostgres.Binaries wanted) {
        TestServer server = TestServer.chosen();
        boolean needsSystem =
                wanted != WithPostgres.Binaries.EMBEDDED && (server == TestServer.AUTO || server == TestServer.SYSTEM);
        return server.binaries(wanted, needsSystem ? PostgresBinaries.system() : Optional.empty());
    }
}
