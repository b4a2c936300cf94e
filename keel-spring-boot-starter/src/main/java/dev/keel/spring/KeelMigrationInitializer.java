package dev.keel.spring;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrateOptions;
import dev.keel.migrate.MigrateResult;
import dev.keel.migrate.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates when the context creates it. Boot's database-initialization ordering makes the EntityManagerFactory, jOOQ's
 * DSLContext and the JdbcTemplate wait for this bean (see {@link KeelDatabaseInitializerDetector}), so Hibernate's
 * schema validation and the first query see the migrated schema.
 */
public class KeelMigrationInitializer implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(KeelMigrationInitializer.class);

    private final Keel keel;
    private final MigrateOptions options;
    private MigrateResult result;

    public KeelMigrationInitializer(Keel keel, MigrateOptions options) {
        this.keel = keel;
        this.options = options;
    }

    static MigrateOptions options(KeelProperties properties) {
        String target = properties.getTarget();
        MigrationVersion version = null;
        if (target != null && !target.isBlank()) {
            try {
                version = MigrationVersion.parse(target);
            } catch (IllegalArgumentException e) {
                throw new KeelException(
                        CoreError.SETUP_INVALID,
                        "keel.target " + target + " is not a migration version",
                        "set keel.target to a version such as 3 or 1.2, or remove it to migrate to the latest");
            }
        }
        return new MigrateOptions(
                version, false, properties.isOutOfOrder(), !properties.isChecks(), properties.isCompleteChanges());
    }

    @Override
    public void afterPropertiesSet() {
        result = keel.migrate(options);
        String at = result.schemaVersionAfter() == null ? "no version" : "version " + result.schemaVersionAfter();
        if (result.applied().isEmpty()) {
            LOG.info("{} is up to date at {}", result.database(), at);
        } else {
            LOG.info("applied {} migration(s) to {}: now at {}", result.count(), result.database(), at);
        }
        if (result.activeChange() != null) {
            LOG.info(
                    "V{} is active: both schema versions are served; roll out the application, then run keel change"
                            + " complete",
                    result.activeChange());
        }
    }

    /** What the start-up migration did; null before it ran. */
    public MigrateResult result() {
        return result;
    }
}
