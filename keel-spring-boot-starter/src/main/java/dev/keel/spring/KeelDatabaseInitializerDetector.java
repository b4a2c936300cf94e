package dev.keel.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link KeelMigrationInitializer} initializes the database, so every bean that depends on database
 * initialization (JPA's EntityManagerFactory, jOOQ's DSLContext, JdbcTemplate) is created after it.
 */
public class KeelDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(KeelMigrationInitializer.class);
    }
}
