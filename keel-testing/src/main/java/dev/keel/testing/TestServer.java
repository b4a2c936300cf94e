package dev.keel.testing;

import dev.keel.postgres.EmbeddedBinaries;
import dev.keel.postgres.PostgresBinaries;
import java.util.Locale;
import java.util.Optional;

/**
 * Which PostgreSQL the test clusters run: {@code -Dkeel.test.server=…}, else the environment variable
 * KEEL_TEST_POSTGRES, else {@link #AUTO}. A class annotated with {@code binaries = EMBEDDED} runs the
 * embedded 17 whatever this says.
 */
public enum TestServer {
    /** The machine's PostgreSQL (pg_config --bindir, then Debian's layout) when installed, else the embedded 17. */
    AUTO,
    /** The embedded PostgreSQL 17 from Maven Central. */
    EMBEDDED,
    /** The machine's PostgreSQL; a test fails where none is installed. */
    SYSTEM,
    /**
     * The embedded 17, but only on a machine that also has its own PostgreSQL: the second pass that CI runs
     * over the migrate and check tests. Elsewhere the first pass already used the embedded 17, so the classes
     * are skipped with that reason instead of running twice on the same server.
     */
    EMBEDDED_IF_SYSTEM;

    public static final String PROPERTY = "keel.test.server";
    public static final String VARIABLE = "KEEL_TEST_POSTGRES";

    /** The choice this test run was started with. */
    public static TestServer chosen() {
        return parse(System.getProperty(PROPERTY), System.getenv(VARIABLE));
    }

    static TestServer parse(String property, String variable) {
        String value = property != null && !property.isBlank() ? property : variable;
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PROPERTY + " / " + VARIABLE + " is '" + value
                            + "'; use auto, embedded, system or embedded-if-system",
                    e);
        }
    }

    /** Why a class must not run on this machine under this choice, if it must not. */
    Optional<String> skipReason(boolean classAsksForEmbedded, Optional<PostgresBinaries> system) {
        if (this != EMBEDDED_IF_SYSTEM) {
            return Optional.empty();
        }
        if (classAsksForEmbedded) {
            return Optional.of("the class runs on the embedded 17 in the default pass already");
        }
        if (system.isEmpty()) {
            return Optional.of("no system PostgreSQL here: the default pass already ran this class on the embedded 17");
        }
        return Optional.empty();
    }

    PostgresBinaries binaries(WithPostgres.Binaries wanted, Optional<PostgresBinaries> system) {
        if (wanted == WithPostgres.Binaries.EMBEDDED || this == EMBEDDED || this == EMBEDDED_IF_SYSTEM) {
            return EmbeddedBinaries.unpacked();
        }
        if (this == SYSTEM) {
            return system.orElseThrow(
                    () -> new IllegalStateException(PROPERTY + "=system, but no PostgreSQL is installed here "
                            + "(pg_config --bindir found none); install one or run with -D" + PROPERTY + "=auto"));
        }
        return system.orElseGet(EmbeddedBinaries::unpacked);
    }
}
