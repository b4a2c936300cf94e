package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithPostgres
class ProjectionCatalogIT {
    private final ProjectionCatalog catalog = new ProjectionCatalog("keel");
    private final CounterDefinition counter =
            new CounterDefinition("public", "per_user", "orders", List.of("user_id"), null, null, null);

    @Test
    void readingWithoutTheTableFindsNothingAndCreatesNothing(TestCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            assertThat(catalog.list(c, null)).isEmpty();
        }
        assertThat(cluster.queryString(db, "select to_regclass('keel.projections') is null"))
                .isEqualTo("t");
    }

    @Test
    void aRegisteredCounterIsListedWithItsDefinitionAndRegisteringAgainTakesTheNameOver(TestCluster cluster)
            throws Exception {
        String db = cluster.createDatabase();
        String registry = ProjectionCatalog.table("keel");
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement()) {
            s.execute("create schema keel");
            s.execute(ProjectionCatalog.createSql(registry));
            s.execute(ProjectionCatalog.registerSql(registry, counter, "7"));
            s.execute("update keel.projections set state = 'ready', last_verified = now()");
            s.execute(ProjectionCatalog.registerSql(registry, counter, "8"));

            ProjectionCatalog.Entry entry =
                    catalog.list(c, ProjectionCatalog.COUNTER).get(0);

            assertThat(entry.qualifiedName()).isEqualTo("public.per_user");
            assertThat(entry.counter()).isEqualTo(counter);
            assertThat(entry.state()).isEqualTo(ProjectionCatalog.INITIALISING);
            assertThat(entry.createdBy()).isEqualTo("8");
            assertThat(entry.lastVerified()).isNull();
            assertThat(catalog.list(c, "summary")).isEmpty();
            assertThatThrownBy(() -> catalog.stamp(c, entry, "state")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
