package dev.keel.spring.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.flags.Flags;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The flags client only when asked for: it keeps a connection of the pool for LISTEN. */
class KeelFlagsAutoConfigurationTest {

    @Test
    void noFlagsBeanUnlessEnabled() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeelFlagsAutoConfiguration.class))
                .withBean(DataSource.class, PGSimpleDataSource::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Flags.class));
    }

    @Test
    void aFlagsBeanWhenEnabled() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeelFlagsAutoConfiguration.class))
                .withBean(DataSource.class, KeelFlagsAutoConfigurationTest::unreachable)
                .withPropertyValues("keel.flags.enabled=true", "keel.flags.safe-default=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(Flags.class);
                    // Nothing could be read from a database that is not there: the safe default answers.
                    assertThat(context.getBean(Flags.class).enabled("any", "alice"))
                            .isTrue();
                });
    }

    private static DataSource unreachable() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:1/none");
        return ds;
    }
}
