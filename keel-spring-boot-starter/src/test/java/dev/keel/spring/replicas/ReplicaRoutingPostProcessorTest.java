package dev.keel.spring.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.jdbc.routing.RoutingDataSource;
import dev.keel.spring.KeelProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** Which DataSource gets routed, and that shutdown closes every pool the router does not close itself. */
class ReplicaRoutingPostProcessorTest {
    private final KeelProperties properties = new KeelProperties();
    private final List<HikariDataSource> made = new ArrayList<>();

    private ReplicaRoutingPostProcessor processor() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("keelProperties", properties);
        ReplicaPools pools = new ReplicaPools() {
            @Override
            DataSource create(String name, KeelProperties.Server server) {
                HikariDataSource pool = (HikariDataSource) super.create(name, server);
                made.add(pool);
                return pool;
            }
        };
        return new ReplicaRoutingPostProcessor(
                beans.getBeanProvider(KeelProperties.class),
                beans.getBeanProvider(MeterRegistry.class),
                beans.getBeanProvider(KeelConsistencyKey.class),
                pools);
    }

    private static HikariDataSource unreachable() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none");
        return pool;
    }

    private void oneReplica() {
        KeelProperties.Server server = new KeelProperties.Server();
        server.setUrl("jdbc:postgresql://127.0.0.1:1/replica");
        properties.getReplicas().getServers().put("east", server);
    }

    @Test
    void withoutReplicasTheDataSourceStaysAsItIs() {
        HikariDataSource primary = unreachable();
        assertThat(processor().postProcessAfterInitialization(primary, "dataSource"))
                .isSameAs(primary);
        primary.close();
    }

    @Test
    void onlyTheNamedDataSourceIsRouted() {
        oneReplica();
        HikariDataSource other = unreachable();
        assertThat(processor().postProcessAfterInitialization(other, "reportingDataSource"))
                .isSameAs(other);
        other.close();
    }

    @Test
    void routesTheApplicationsDataSourceAndClosesEveryPoolAtShutdown() {
        oneReplica();
        ReplicaRoutingPostProcessor processor = processor();
        HikariDataSource primary = unreachable();
        Object routed = processor.postProcessAfterInitialization(primary, "dataSource");
        assertThat(routed).isInstanceOf(RoutingDataSource.class);
        assertThat(((RoutingDataSource) routed).replicaStatus())
                .extracting(status -> status.name())
                .containsExactly("east");

        assertThat(processor.requiresDestruction(routed)).isTrue();
        processor.postProcessBeforeDestruction(routed, "dataSource");
        assertThat(primary.isClosed()).as("the primary pool").isTrue();
        assertThat(made)
                .singleElement()
                .satisfies(pool ->
                        assertThat(pool.isClosed()).as("the replica's pool").isTrue());
    }
}
