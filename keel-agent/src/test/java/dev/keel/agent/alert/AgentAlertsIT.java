package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.agent.Agent;
import dev.keel.agent.http.ListenAddress;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel up end to end: its scheduled doctor finds a provoked invalid index, alerts once, and resolves once. */
@WithPostgres
class AgentAlertsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String KEY = "invalid-indexes:index=public.users_email";

    private final TestCluster cluster;

    AgentAlertsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void theScheduledDoctorAlertsAProvokedFindingOnceThenItsResolution(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        cluster.execute(db, "INSERT INTO users SELECT g, 'same@example.org' FROM generate_series(1, 100) g");
        assertThatThrownBy(() -> cluster.execute(db, "CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email)"))
                .hasMessageContaining("could not create unique index");
        try (Receiver receiver = new Receiver()) {
            Files.writeString(dir.resolve("keel.yaml"), """
                    schedule:
                      snapshot: off
                      doctor: 10s
                    alerts:
                      severity: warning
                      webhooks:
                        ops:
                          url: ${HOOK}
                    """);
            KeelYaml config =
                    ConfigLoader.load(dir, null, Map.of("HOOK", receiver.url().toString()));
            Agent agent = Agent.configure()
                    .config(config)
                    .connections(source(db))
                    .listen(new ListenAddress("127.0.0.1", 0))
                    .load();
            agent.start();
            try {
                Eventually.await(
                        WAIT,
                        "the alert",
                        () -> Bodies.events(receiver.bodies(), KEY).size() == 1);
                cluster.execute(db, "DROP INDEX users_email");
                Eventually.await(
                        WAIT,
                        "the resolution",
                        () -> Bodies.events(receiver.bodies(), KEY).size() >= 2,
                        receiver::bodies);
            } finally {
                agent.stop(Duration.ofSeconds(10));
            }
            assertThat(Bodies.events(receiver.bodies(), KEY)).containsExactly("opened", "resolved");
            assertThat(agent.alerting().deliveries()).noneMatch(Delivery::failed);
            assertThat(agent.registry().scrape()).contains("keel_alerts_sent_total{event=\"opened\",webhook=\"ops\"}");
        }
    }

    private ConnectionSource source(String db) {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                return cluster.connect(db);
            }

            @Override
            public String describe() {
                return db;
            }
        };
    }
}
