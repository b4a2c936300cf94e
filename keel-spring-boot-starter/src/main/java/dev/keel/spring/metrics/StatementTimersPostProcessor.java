package dev.keel.spring.metrics;

import dev.keel.jdbc.KeelDataSource;
import dev.keel.spring.KeelProperties;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps each DataSource bean in keel-jdbc's statement timers, published to the application's MeterRegistry with the
 * bean's name as the {@code datasource} tag. The registry is looked up when the first DataSource is wrapped, not when
 * this post-processor is made, so the registry is configured as usual.
 */
public class StatementTimersPostProcessor implements BeanPostProcessor {
    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectProvider<KeelProperties> properties;

    public StatementTimersPostProcessor(
            ObjectProvider<MeterRegistry> registry, ObjectProvider<KeelProperties> properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource)) {
            return bean;
        }
        MeterRegistry meters = registry.getIfUnique();
        if (meters == null) {
            return bean;
        }
        KeelProperties.Metrics settings = properties.getObject().getMetrics();
        KeelDataSource.Builder builder = KeelDataSource.builder(dataSource)
                .meterRegistry(meters)
                .name(beanName)
                .tagCallers(settings.isTagCallers());
        if (settings.getSlowStatementThreshold() != null) {
            builder.slowStatementThreshold(settings.getSlowStatementThreshold());
        }
        return builder.build();
    }
}
