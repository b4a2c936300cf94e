package dev.keel.spring;

import dev.keel.migrate.Keel;
import dev.keel.migrate.KeelConfiguration;
import javax.sql.DataSource;

/** Turns the {@code keel.*} properties into Keel's own facade over the application's DataSource. */
final class KeelFactory {

    private KeelFactory() {}

    static Keel create(DataSource dataSource, KeelProperties properties, ClassLoader classLoader) {
        KeelConfiguration configuration = Keel.configure()
                .dataSource(dataSource)
                .locations(properties.getLocations().toArray(String[]::new))
                .schema(properties.getSchema())
                .table(properties.getTable())
                .lockTimeout(properties.getLockTimeout())
                .lockRetries(properties.getLockRetries())
                .statementTimeout(properties.getStatementTimeout())
                .outOfOrder(properties.isOutOfOrder())
                .classLoader(classLoader)
                .listener(new LoggingMigrationListener());
        if (properties.getProjectDir() != null) {
            configuration.projectDir(properties.getProjectDir());
        }
        return configuration.load();
    }
}
