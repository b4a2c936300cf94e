package dev.keel.spring.metrics;

import dev.keel.jdbc.KeelDataSource;
import dev.keel.spring.KeelAutoConfiguration;
import dev.keel.spring.KeelProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The statement timers of keel-jdbc on the application's DataSource; {@code keel.metrics.enabled=false} leaves the
 * DataSource unwrapped.
 */
@AutoConfiguration(before = KeelAutoConfiguration.class)
@ConditionalOnClass({KeelDataSource.class, MeterRegistry.class})
@ConditionalOnBooleanProperty(name = "keel.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(KeelProperties.class)
public class KeelMetricsAutoConfiguration {

    // Static: a post-processor made by an instance method would force this configuration to be created early.
    @Bean
    static StatementTimersPostProcessor keelStatementTimersPostProcessor(
            ObjectProvider<MeterRegistry> registry, ObjectProvider<KeelProperties> properties) {
        return new StatementTimersPostProcessor(registry, properties);
    }
}
