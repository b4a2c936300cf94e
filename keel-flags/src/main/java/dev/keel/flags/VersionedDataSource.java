package dev.keel.flags;

import dev.keel.sql.Identifiers;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out the application's connections with the search_path the current subject's schema version needs: when
 * the flag is on for the subject (and names a version schema), {@code <version>, <base>}, otherwise {@code <base>}.
 * "10 % of users read and write through v8" is then one flag. The subject comes from a supplier the application
 * fills per request (a ThreadLocal, a request scope). Closing a connection resets its search_path first, so a pool
 * never hands a subject's path to code that does not come through this wrapper.
 */
public final class VersionedDataSource implements DataSource {
    private final DataSource target;
    private final Flags flags;
    private final String flag;
    private final Supplier<String> subject;
    private final String baseSchema;

    private VersionedDataSource(
            DataSource target, Flags flags, String flag, Supplier<String> subject, String baseSchema) {
        this.target = Objects.requireNonNull(target, "target");
        this.flags = Objects.requireNonNull(flags, "flags");
        this.flag = FlagName.check(flag);
        this.subject = Objects.requireNonNull(subject, "subject");
        this.baseSchema = Objects.requireNonNull(baseSchema, "baseSchema");
    }

    /** Wraps {@code target}: {@code flag} picks the version of the subject {@code subject} supplies; base schema public. */
    public static VersionedDataSource wrap(DataSource target, Flags flags, String flag, Supplier<String> subject) {
        return new VersionedDataSource(target, flags, flag, subject, "public");
    }

    /** The same wrapper over another base schema (the schema whose tables the versions present). */
    public VersionedDataSource withBaseSchema(String schema) {
        return new VersionedDataSource(target, flags, flag, subject, schema);
    }

    /** The search_path a connection for this subject gets, as SET takes it. */
    public String searchPathFor(String subjectKey) {
        return flags.schemaVersion(flag, subjectKey)
                .map(v -> Identifiers.quote(v) + ", " + Identifiers.quote(baseSchema))
                .orElse(Identifiers.quote(baseSchema));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return versioned(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return versioned(target.getConnection(username, password));
    }

    private Connection versioned(Connection c) throws SQLException {
        try {
            runOutsideTransaction(c, "SET search_path TO " + searchPathFor(subject.get()));
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return ResettingConnection.wrap(c);
    }

    /**
     * SET inside a transaction is undone by its rollback, which would silently put the subject back on the base
     * schema (or leave a reset undone): so the statement always runs in a transaction of its own.
     */
    static void runOutsideTransaction(Connection c, String sql) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (!autoCommit) {
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } finally {
            if (!autoCommit) {
                c.setAutoCommit(false);
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
