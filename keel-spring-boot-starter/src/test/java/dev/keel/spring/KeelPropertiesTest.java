package dev.keel.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class KeelPropertiesTest {

    private static KeelProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bind("keel", KeelProperties.class)
                .orElseGet(KeelProperties::new);
    }

    @Test
    void defaultsAreThoseOfTheCommandLineWithMigrationsOnTheClassPath() {
        KeelProperties p = bind(Map.of());
        assertThat(p.isEnabled()).isTrue();
        assertThat(p.getLocations()).containsExactly("classpath:db/migrations");
        assertThat(p.getSchema()).isEqualTo("keel");
        assertThat(p.isChecks()).isTrue();
        assertThat(p.getLockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.isCompleteChanges()).isFalse();
        assertThat(p.getMetrics().isEnabled()).isTrue();
        assertThat(p.getFlags().isEnabled()).isFalse();
        assertThat(p.getReplicas().getServers()).isEmpty();
    }

    @Test
    void bindsEveryKeelProperty() {
        KeelProperties p = bind(Map.ofEntries(
                Map.entry("keel.enabled", "false"),
                Map.entry("keel.locations", "classpath:db/a,filesystem:db/b"),
                Map.entry("keel.schema", "ops"),
                Map.entry("keel.table", "history"),
                Map.entry("keel.checks", "false"),
                Map.entry("keel.target", "1.2"),
                Map.entry("keel.lock-timeout", "5s"),
                Map.entry("keel.lock-retries", "2"),
                Map.entry("keel.statement-timeout", "1m"),
                Map.entry("keel.out-of-order", "true"),
                Map.entry("keel.complete-changes", "true"),
                Map.entry("keel.project-dir", "/srv/shop"),
                Map.entry("keel.metrics.enabled", "false"),
                Map.entry("keel.metrics.slow-statement-threshold", "250ms"),
                Map.entry("keel.metrics.tag-callers", "true"),
                Map.entry("keel.health.cache-for", "2m"),
                Map.entry("keel.flags.enabled", "true"),
                Map.entry("keel.flags.reload-interval", "10s"),
                Map.entry("keel.flags.safe-default", "true"),
                Map.entry("keel.replicas.servers.east.url", "jdbc:postgresql://east/shop"),
                Map.entry("keel.replicas.servers.east.username", "reader"),
                Map.entry("keel.replicas.servers.east.password", "secret"),
                Map.entry("keel.replicas.max-lag", "3s"),
                Map.entry("keel.replicas.consistency-key", "session"),
                Map.entry("keel.replicas.positions", "table"),
                Map.entry("keel.replicas.data-source", "ordersDataSource")));
        assertThat(p.isEnabled()).isFalse();
        assertThat(p.getLocations()).containsExactly("classpath:db/a", "filesystem:db/b");
        assertThat(p.getSchema()).isEqualTo("ops");
        assertThat(p.getTable()).isEqualTo("history");
        assertThat(p.isChecks()).isFalse();
        assertThat(p.getTarget()).isEqualTo("1.2");
        assertThat(p.getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.getLockRetries()).isEqualTo(2);
        assertThat(p.getStatementTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.isOutOfOrder()).isTrue();
        assertThat(p.isCompleteChanges()).isTrue();
        assertThat(p.getProjectDir()).isEqualTo(Path.of("/srv/shop"));
        assertThat(p.getMetrics().isEnabled()).isFalse();
        assertThat(p.getMetrics().getSlowStatementThreshold()).isEqualTo(Duration.ofMillis(250));
        assertThat(p.getMetrics().isTagCallers()).isTrue();
        assertThat(p.getHealth().getCacheFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.getFlags().isEnabled()).isTrue();
        assertThat(p.getFlags().getReloadInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.getFlags().isSafeDefault()).isTrue();
        KeelProperties.Server east = p.getReplicas().getServers().get("east");
        assertThat(east.getUrl()).isEqualTo("jdbc:postgresql://east/shop");
        assertThat(east.getUsername()).isEqualTo("reader");
        assertThat(east.getPassword()).isEqualTo("secret");
        assertThat(p.getReplicas().getMaxLag()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.getReplicas().getConsistencyKey()).isEqualTo(KeelProperties.ConsistencyKeySource.SESSION);
        assertThat(p.getReplicas().getPositions()).isEqualTo(KeelProperties.PositionStore.TABLE);
        assertThat(p.getReplicas().getDataSource()).isEqualTo("ordersDataSource");
    }
}
