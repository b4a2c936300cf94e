package dev.keel.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class one throwaway real PostgreSQL cluster (initdb in a temp directory, a free
 * port), shared by its tests and removed afterwards. Inject {@link TestCluster} into a test method,
 * a {@code @BeforeAll} method or the constructor; give each test its own database with
 * {@link TestCluster#createDatabase()} where tests must not see each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresExtension.class)
public @interface WithPostgres {

    /** Server settings as {@code name=value}, e.g. {@code "wal_level=logical"}. */
    String[] settings() default {};

    /** Keep fsync and full-page writes on; only tests of durability need it. */
    boolean durable() default false;

    Binaries binaries() default Binaries.SYSTEM_OR_EMBEDDED;

    enum Binaries {
        /** The machine's PostgreSQL when installed, else the bundled one; {@link TestServer} can force either. */
        SYSTEM_OR_EMBEDDED,
        /** The bundled PostgreSQL 17 from Maven Central. */
        EMBEDDED
    }
}
