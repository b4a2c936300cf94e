package dev.keel.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KeelMetricsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KeelMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean("dataSource", DataSource.class, PGSimpleDataSource::new);

    @Test
    void wrapsTheDataSourceInStatementTimers() {
        runner.run(context -> assertThat(context.getBean(DataSource.class))
                .isNotInstanceOf(PGSimpleDataSource.class)
                .hasToString(
                        "KeelDataSource[" + context.getBean(DataSource.class).unwrap(PGSimpleDataSource.class) + "]"));
    }

    @Test
    void leavesItAloneWhenTurnedOff() {
        runner.withPropertyValues("keel.metrics.enabled=false")
                .run(context -> assertThat(context.getBean(DataSource.class)).isInstanceOf(PGSimpleDataSource.class));
    }

    @Test
    void leavesItAloneWithoutARegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeelMetricsAutoConfiguration.class))
                .withBean("dataSource", DataSource.class, PGSimpleDataSource::new)
                .run(context -> assertThat(context.getBean(DataSource.class)).isInstanceOf(PGSimpleDataSource.class));
    }
}
