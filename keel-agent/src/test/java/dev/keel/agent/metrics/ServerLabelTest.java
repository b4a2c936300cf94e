package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerLabelTest {

    @Test
    void isHostAndPortAsPostgresExporterReportsIt() {
        assertThat(ServerLabel.of("db.internal:5432/shop")).isEqualTo("db.internal:5432");
    }

    @Test
    void neverCarriesAUserEvenWhenADescriptionHasOne() {
        assertThat(ServerLabel.of("app:secret@db.internal:5432/shop")).isEqualTo("db.internal:5432");
    }

    @Test
    void aDescriptionWithoutDatabaseIsKeptWhole() {
        assertThat(ServerLabel.of("the application's DataSource")).isEqualTo("the application's DataSource");
        assertThat(ServerLabel.of(null)).isEmpty();
    }
}
