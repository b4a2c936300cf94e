package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.insight.Insight;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding the real doctor reports, provoked on a real PostgreSQL, alerted from keel.yaml's alerts: section. */
@WithPostgres
class AlertingDoctorIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KEY = "invalid-indexes:index=public.users_email";

    private final TestCluster cluster;
    private final Receiver receiver = new Receiver();
    private Alerting alerting;

    AlertingDoctorIT(TestCluster cluster) throws Exception {
        this.cluster = cluster;
    }

    @AfterEach
    void close() {
        if (alerting != null) {
            alerting.close();
        }
        receiver.close();
    }

    @Test
    void anInvalidIndexAlertsOnceAndDroppingItResolvesOnce(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        cluster.execute(db, "INSERT INTO users SELECT g, 'same@example.org' FROM generate_series(1, 100) g");
        assertThatThrownBy(() -> cluster.execute(db, "CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email)"))
                .hasMessageContaining("could not create unique index");
        Files.writeString(
                dir.resolve("keel.yaml"), "alerts:\n  severity: warning\n  webhooks:\n    ops:\n      url: ${HOOK}\n");
        KeelYaml config =
                ConfigLoader.load(dir, null, Map.of("HOOK", receiver.url().toString()));
        ConnectionSource database = source(db);
        Insight insight =
                Insight.configure().config(config).connections(database).load();
        alerting = Alerting.configure(AlertSettings.from(config), database, config.schema())
                .host("agent-a")
                .load();

        alerting.report(insight.doctor());
        Eventually.await(
                WAIT, "the alert", () -> Bodies.events(receiver.bodies(), KEY).size() == 1);
        alerting.report(insight.doctor());
        cluster.execute(db, "DROP INDEX users_email");
        alerting.report(insight.doctor());
        alerting.report(insight.doctor());
        Eventually.await(
                WAIT,
                "the resolution",
                () -> Bodies.events(receiver.bodies(), KEY).size() >= 2);

        // One delivery thread keeps the order: a copy sent by the second or fourth report would show here.
        assertThat(Bodies.events(receiver.bodies(), KEY)).containsExactly("opened", "resolved");
        assertThat(Bodies.json(receiver.bodies().get(0)).get("summary").asText())
                .contains("INVALID");
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
