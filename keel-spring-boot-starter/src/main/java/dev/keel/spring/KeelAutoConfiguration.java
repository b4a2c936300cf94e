package dev.keel.spring;

import dev.keel.migrate.Keel;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the application's DataSource at start with the {@code keel.*} properties. An application that defines its
 * own {@link Keel} bean takes over: this configuration backs off, and the application migrates when it chooses.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Keel.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "keel.enabled", matchIfMissing = true)
@EnableConfigurationProperties(KeelProperties.class)
public class KeelAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Keel.class)
    static class KeelMigrationConfiguration {

        @Bean
        Keel keel(DataSource dataSource, KeelProperties properties) {
            return KeelFactory.create(
                    dataSource, properties, Thread.currentThread().getContextClassLoader());
        }

        @Bean
        @ConditionalOnMissingBean
        KeelMigrationInitializer keelMigrationInitializer(Keel keel, KeelProperties properties) {
            return new KeelMigrationInitializer(keel, KeelMigrationInitializer.options(properties));
        }
    }
}
