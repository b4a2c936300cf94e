package dev.keel.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example as its users start it, on a real cluster: migrated at start from examples/shop's files, then HTTP.
 * Started with {@link SpringApplicationBuilder} rather than {@code @SpringBootTest}: Boot 4's test extension needs
 * JUnit 6, keel-testing's extensions run on the JUnit 5 of the other modules.
 */
@WithPostgres
class ShopApplicationIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static TestCluster cluster;
    private static String database;
    private static ConfigurableApplicationContext shop;

    @BeforeAll
    static void start(TestCluster testCluster) {
        cluster = testCluster;
        database = cluster.createDatabase();
        // As arguments, the way a user overrides application.properties on the command line.
        shop = new SpringApplicationBuilder(ShopApplication.class)
                .run(
                        "--spring.datasource.url=" + cluster.jdbcUrl(database),
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--server.port=0",
                        "--spring.main.banner-mode=off");
    }

    /** Before the cluster goes away, so the pool does not outlive its server. */
    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void migratesWithTheShopsOwnFilesBeforeHibernateValidatesItsEntities() {
        assertThat(cluster.queryString(database, "SELECT max(version) FROM keel.schema_history"))
                .isEqualTo("6");
        assertThat(cluster.queryString(
                        database, "SELECT count(*) FROM keel.schema_history WHERE script = 'R__order_totals_view.sql'"))
                .isEqualTo("1");
    }

    @Test
    void servesTheSeededProductsThroughJpa() throws Exception {
        HttpResponse<String> products =
                send(HttpRequest.newBuilder(uri("/products")).GET());
        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(products.body()).contains("\"sku\":\"KB-01\"", "\"priceCents\":5900", "\"name\":\"27\\\" monitor\"");
    }

    @Test
    void anOrderPlacedIsReadBackWithItsTotal() throws Exception {
        String userId = cluster.queryString(database, "SELECT id FROM users WHERE email = 'grace@example.com'");
        HttpResponse<String> placed = send(HttpRequest.newBuilder(uri("/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"userId": %s, "items": [{"sku": "KB-01", "quantity": 2}, {"sku": "MS-02", "quantity": 1}]}
                        """.formatted(userId))));
        assertThat(placed.statusCode()).isEqualTo(201);
        String location = placed.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri(location)).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body())
                .contains("\"user\":\"grace@example.com\"", "\"status\":\"new\"", "\"totalCents\":31700");
        // The view of R__order_totals_view.sql agrees with what JPA wrote.
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(cluster.queryString(database, "SELECT total_cents FROM order_totals WHERE order_id = " + id))
                .isEqualTo("31700");
    }

    @Test
    void anUnknownOrderIsNotFound() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/orders/999999")).GET()).statusCode())
                .isEqualTo(404);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + shop.getEnvironment().getProperty("local.server.port") + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
