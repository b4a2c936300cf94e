package dev.keel.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.error.KeelException;
import dev.keel.flags.FlagAdmin;
import dev.keel.flags.FlagUpdate;
import dev.keel.flags.Flags;
import dev.keel.flags.Rollout;
import dev.keel.migrate.MigrateError;
import dev.keel.spring.shop.ItemService;
import dev.keel.spring.shop.Shop;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The shop application on a real cluster: one context shared by the tests, started once. */
@WithPostgres
class KeelStarterIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static TestCluster cluster;
    private static String database;
    private static TestCluster standby;
    private static ConfigurableApplicationContext shop;

    @BeforeAll
    static void start(TestCluster testCluster) {
        cluster = testCluster;
        database = cluster.createDatabase();
        standby = cluster.startStandby();
        shop = Shop.start(
                cluster.jdbcUrl(database),
                Map.of(
                        "keel.replicas.servers.standby.url",
                        standby.jdbcUrl(database),
                        "keel.replicas.consistency-key",
                        "bean",
                        "keel.flags.enabled",
                        "true"));
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
        if (standby != null) {
            standby.close();
        }
    }

    @Test
    void migratesAtStartBeforeHibernateValidatesTheSchema() {
        assertThat(cluster.queryString(database, "SELECT max(version) FROM keel.schema_history"))
                .isEqualTo("2");
        assertThat(shop.getBean(KeelMigrationInitializer.class).result().count())
                .isEqualTo(2);
    }

    @Test
    void servesARequestThroughJpa() throws Exception {
        HttpResponse<String> added = send(HttpRequest.newBuilder(uri("/items"))
                .header("Content-Type", "text/plain")
                .header("X-User", "bob")
                .POST(HttpRequest.BodyPublishers.ofString("chain")));
        assertThat(added.statusCode()).isEqualTo(200);

        HttpResponse<String> names = send(
                HttpRequest.newBuilder(uri("/items")).header("X-User", "bob").GET());
        assertThat(names.statusCode()).isEqualTo(200);
        assertThat(names.body()).contains("\"anchor\"", "\"chain\"", "\"rope\"");
    }

    @Test
    void routesAReadOnlyTransactionToTheReplica() {
        ItemService service = shop.getBean(ItemService.class);
        // The router sends reads to the standby once it has seen its replay position.
        Eventually.await(
                Duration.ofSeconds(30), "a read-only transaction served by the standby", service::readOnlyOnStandby);
        assertThat(service.writeOnStandby())
                .as("a read-write transaction on the standby")
                .isFalse();
    }

    @Test
    void aUserReadsTheirOwnWriteInTheNextRequest() throws Exception {
        for (int i = 0; i < 20; i++) {
            String name = "buoy-" + i;
            HttpResponse<String> added = send(HttpRequest.newBuilder(uri("/items"))
                    .header("Content-Type", "text/plain")
                    .header("X-User", "alice")
                    .POST(HttpRequest.BodyPublishers.ofString(name)));
            assertThat(added.statusCode()).isEqualTo(200);
            HttpResponse<String> names = send(HttpRequest.newBuilder(uri("/items"))
                    .header("X-User", "alice")
                    .GET());
            assertThat(names.body()).contains("\"" + name + "\"");
        }
    }

    @Test
    void theFlagsClientIsABeanThatSeesAFlagSetWhileTheApplicationRuns() {
        Flags flags = shop.getBean(Flags.class);
        assertThat(flags.enabled("checkout-v8", "alice"))
                .as("a flag nobody set")
                .isFalse();
        new FlagAdmin(ConnectionSource.of(TargetParser.parse(cluster.jdbcUrl(database), null, null, "test")), "keel")
                .set(new FlagUpdate("checkout-v8", Rollout.ON, null, null, false), "test");
        Eventually.await(Duration.ofSeconds(30), "the flag set on", () -> flags.enabled("checkout-v8", "alice"));
    }

    @Test
    void endpointShowsHistoryPendingAndActiveChange() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/actuator/keel")).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"currentVersion\":\"2\"")
                .contains("V1__create_item.sql", "V2__seed_items.sql")
                .contains("\"pending\":[]")
                .contains("\"activeChange\":null")
                .contains("\"replicas\":[{\"name\":\"standby\"");
    }

    @Test
    void healthRunsTheDoctorsCheapChecks() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/actuator/health/keel")).GET());
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("blocking-chains");
    }

    @Test
    void statementsAreTimedIntoTheApplicationsRegistry() throws Exception {
        send(HttpRequest.newBuilder(uri("/items")).GET());
        MeterRegistry registry = shop.getBean(MeterRegistry.class);
        assertThat(registry.find("keel.jdbc.statement")
                        .tag("datasource", "dataSource")
                        .timers())
                .isNotEmpty();
    }

    @Test
    void failsToStartWithTheFailureAnalyzersExplanationOnAChecksumMismatch() {
        Map<String, Object> edited = Map.of(
                "keel.locations", "classpath:db/changed",
                "spring.main.web-application-type", "none");
        Throwable failure = null;
        try (ConfigurableApplicationContext ignored = Shop.start(cluster.jdbcUrl(database), edited)) {
            // Reaching this line is the failure.
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).as("the start with an edited V1").isNotNull();
        assertThat(keelCause(failure).code()).isEqualTo(MigrateError.CHECKSUM_CHANGED);

        // Registered in spring.factories as Boot finds it; the analyzers that need a bean factory are left out.
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, (type, name, notMade) -> {});
        FailureAnalysis analysis = analyzers.stream()
                .filter(KeelFailureAnalyzer.class::isInstance)
                .findFirst()
                .orElseThrow()
                .analyze(failure);
        assertThat(analysis.getDescription()).contains("V1__create_item.sql", "KEEL-MIGRATE-CHECKSUM-CHANGED");
        assertThat(analysis.getAction()).isNotBlank();
    }

    @Test
    void aTargetThatIsNoVersionIsExplained() {
        assertThatThrownBy(() -> Shop.start(
                        cluster.jdbcUrl(database),
                        Map.of("keel.target", "two", "spring.main.web-application-type", "none")))
                .satisfies(e -> assertThat(keelCause(e).what()).contains("keel.target two"));
    }

    private static KeelException keelCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KeelException keel) {
                return keel;
            }
        }
        throw new AssertionError("no KeelException in the cause chain", failure);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + shop.getEnvironment().getProperty("local.server.port") + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
