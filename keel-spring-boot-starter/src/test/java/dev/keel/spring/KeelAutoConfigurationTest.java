package dev.keel.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.Keel;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When the auto-configuration steps in and when it backs off; no test here reaches a database. */
class KeelAutoConfigurationTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KeelAutoConfiguration.class));

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnKeel() {
        runner.withUserConfiguration(OwnKeel.class).run(context -> {
            assertThat(context).hasSingleBean(Keel.class).doesNotHaveBean(KeelMigrationInitializer.class);
            assertThat(context.getBean(Keel.class)).isSameAs(context.getBean(OwnKeel.class).keel);
        });
    }

    @Test
    void staysAwayWithoutADataSource() {
        runner.run(context -> assertThat(context).doesNotHaveBean(Keel.class));
    }

    @Test
    void staysAwayWhenDisabled() {
        runner.withUserConfiguration(OnlyDataSource.class)
                .withPropertyValues("keel.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(Keel.class)
                        .doesNotHaveBean(KeelMigrationInitializer.class));
    }

    @Test
    void anInitializerOfTheApplicationsOwnReplacesKeelsAndKeelsFacadeIsStillMade() {
        runner.withUserConfiguration(OnlyDataSource.class, OwnInitializer.class).run(context -> {
            assertThat(context).hasSingleBean(Keel.class).hasSingleBean(KeelMigrationInitializer.class);
            assertThat(context.getBean(KeelMigrationInitializer.class).result()).isNull();
        });
    }

    private static DataSource unreachable() {
        // Nothing connects in these tests; a port nobody listens on makes sure of it.
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:1/none");
        return ds;
    }

    @Configuration(proxyBeanMethods = false)
    static class OnlyDataSource {
        @Bean
        DataSource dataSource() {
            return unreachable();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnKeel {
        final Keel keel = Keel.configure().dataSource(unreachable()).load();

        @Bean
        DataSource dataSource() {
            return unreachable();
        }

        @Bean
        Keel myKeel() {
            return keel;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnInitializer {
        @Bean
        KeelMigrationInitializer keelMigrationInitializer(Keel keel) {
            // An application that migrates later (after a leader election, say) replaces the start-up migration.
            return new KeelMigrationInitializer(keel, null) {
                @Override
                public void afterPropertiesSet() {}
            };
        }
    }
}
