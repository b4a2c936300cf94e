package dev.keel.agent.metrics;

import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** An agent's registry with {@link AgentMetrics} bound to a database, as the agent wires it; closed after the test. */
final class MetricsFixture implements AutoCloseable {
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final AgentMetrics metrics;

    private MetricsFixture(ConnectionSource source, KeelYaml config, Clock clock) {
        metrics = AgentMetrics.bindTo(registry, source, config, Map.of(), clock, Duration.ofMinutes(1));
    }

    /** A clock that stands still, so nothing cached expires between the scrapes a test compares. */
    static Clock stillClock() {
        return Clock.fixed(Instant.now(), ZoneOffset.UTC);
    }

    static MetricsFixture bind(int port, String database, String user, Path project, Clock clock) {
        ConnectionSource source = ConnectionSource.of(
                TargetParser.parse("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, null, "test"));
        return new MetricsFixture(source, ConfigLoader.load(project, null, Map.of()), clock);
    }

    static Path project(Path dir, String keelYaml) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("keel.yaml"), keelYaml);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScrapeText scrape() {
        return ScrapeText.of(registry.scrape());
    }

    @Override
    public void close() {
        metrics.close();
        registry.close();
    }
}
