package dev.keel.spring.actuate;

import dev.keel.connect.ConnectionSource;
import dev.keel.doctor.Doctor;
import dev.keel.migrate.Keel;
import dev.keel.spring.KeelAutoConfiguration;
import dev.keel.spring.KeelProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code keel} actuator endpoint and health indicator, for an application with Boot's actuator. */
@AutoConfiguration(after = KeelAutoConfiguration.class)
@EnableConfigurationProperties(KeelProperties.class)
public class KeelActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnBean(Keel.class)
    @ConditionalOnAvailableEndpoint(KeelEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        KeelEndpoint keelEndpoint(Keel keel, ObjectProvider<DataSource> dataSource) {
            return new KeelEndpoint(keel, dataSource.getIfUnique());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnEnabledHealthIndicator("keel")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "keelHealthIndicator")
        KeelHealthIndicator keelHealthIndicator(DataSource dataSource, KeelProperties properties) {
            Doctor doctor = HealthDoctor.create(properties.getSchema());
            return new KeelHealthIndicator(new CachedDoctor(
                    doctor,
                    ConnectionSource.of(dataSource),
                    properties.getHealth().getCacheFor(),
                    Clock.systemUTC()));
        }
    }
}
