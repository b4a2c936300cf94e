package dev.keel.spring.flags;

import dev.keel.flags.Flags;
import dev.keel.spring.KeelAutoConfiguration;
import dev.keel.spring.KeelProperties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The feature-flag client as a bean, for an application that sets {@code keel.flags.enabled}: it keeps one pooled
 * connection for LISTEN, which an application without flags should not pay for.
 */
@AutoConfiguration(after = KeelAutoConfiguration.class)
@ConditionalOnClass(Flags.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty("keel.flags.enabled")
@EnableConfigurationProperties(KeelProperties.class)
public class KeelFlagsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Flags keelFlags(DataSource dataSource, KeelProperties properties) {
        KeelProperties.Flags settings = properties.getFlags();
        return Flags.connect(dataSource)
                .schema(properties.getSchema())
                .safeDefault(settings.isSafeDefault())
                .reloadInterval(settings.getReloadInterval())
                .load();
    }
}
