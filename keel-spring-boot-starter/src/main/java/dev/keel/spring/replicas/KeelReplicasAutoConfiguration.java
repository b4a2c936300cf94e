package dev.keel.spring.replicas;

import dev.keel.jdbc.routing.RoutingDataSource;
import dev.keel.spring.KeelProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The routing DataSource of keel-jdbc over the replicas named in {@code keel.replicas.servers.*}; without any, the
 * application's DataSource stays as it is.
 */
@AutoConfiguration
@ConditionalOnClass(RoutingDataSource.class)
@EnableConfigurationProperties(KeelProperties.class)
public class KeelReplicasAutoConfiguration {

    @Bean
    static ReplicaRoutingPostProcessor keelReplicaRoutingPostProcessor(
            ObjectProvider<KeelProperties> properties,
            ObjectProvider<MeterRegistry> registry,
            ObjectProvider<KeelConsistencyKey> key) {
        return new ReplicaRoutingPostProcessor(properties, registry, key, new ReplicaPools());
    }
}
