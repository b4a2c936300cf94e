package dev.keel.migrate.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

@WithPostgres
class ShadowDatabaseIT {
    private final TestCluster cluster;

    ShadowDatabaseIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    private ConnectionSource source(String database) {
        return ConnectionSource.of(TargetParser.parse(cluster.jdbcUrl(database), null, null, "test"));
    }

    private String exists(String name) {
        return cluster.queryString("postgres", "select count(*) from pg_database where datname = '" + name + "'");
    }

    @Test
    void closingDropsTheShadowEvenWhileAConnectionIsStillOpen() throws Exception {
        ShadowDatabase shadow = ShadowDatabase.create(source("postgres"), this::source);
        assertThat(shadow.name()).startsWith(ShadowDatabase.PREFIX);
        assertThat(exists(shadow.name())).isEqualTo("1");
        try (Connection left = shadow.source().open()) {
            shadow.close();
            assertThat(exists(shadow.name())).isEqualTo("0");
            assertThat(left.isValid(2)).isFalse();
        }
    }

    @Test
    void twoShadowsSideBySideGetTheirOwnNames() {
        try (ShadowDatabase a = ShadowDatabase.create(source("postgres"), this::source);
                ShadowDatabase b = ShadowDatabase.create(source("postgres"), this::source)) {
            assertThat(a.name()).isNotEqualTo(b.name());
        }
    }
}
