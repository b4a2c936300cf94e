package dev.keel.migrate.shadow;

import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import dev.keel.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A throwaway database on the scratch server, named {@code keel_shadow_<random>} so that runs side by
 * side never meet. Closing drops it, with FORCE so that a connection a failure left open cannot keep
 * it alive.
 */
public final class ShadowDatabase implements AutoCloseable {
    public static final String PREFIX = "keel_shadow_";

    private final ConnectionSource scratch;
    private final String name;
    private final ConnectionSource source;

    private ShadowDatabase(ConnectionSource scratch, String name, ConnectionSource source) {
        this.scratch = scratch;
        this.name = name;
        this.source = source;
    }

    /**
     * @param scratch the scratch server's maintenance database, where CREATE and DROP DATABASE run
     * @param byName connections to a database of that server, by name
     */
    public static ShadowDatabase create(ConnectionSource scratch, Function<String, ConnectionSource> byName) {
        String name = PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        execute(scratch, "CREATE DATABASE " + Identifiers.quote(name), "creating");
        return new ShadowDatabase(scratch, name, byName.apply(name));
    }

    public String name() {
        return name;
    }

    public ConnectionSource source() {
        return source;
    }

    @Override
    public void close() {
        execute(scratch, "DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)", "dropping");
    }

    private static void execute(ConnectionSource source, String sql, String doing) {
        try (Connection c = source.open();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.SHADOW_FAILED,
                    doing + " the shadow database on " + source.describe() + " failed: " + e.getMessage(),
                    "the shadow server's user needs CREATEDB; or run keel check without --shadow",
                    e);
        }
    }
}
