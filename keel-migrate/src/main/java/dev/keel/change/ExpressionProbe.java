package dev.keel.change;

import dev.keel.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;

/**
 * Asks PostgreSQL whether a type exists and an expression compiles, by planning (EXPLAIN, never running) a query in a
 * transaction that is rolled back. The server is the only parser that knows every function and cast.
 */
public final class ExpressionProbe {
    private final Connection connection;

    public ExpressionProbe(Connection connection) {
        this.connection = connection;
    }

    public Optional<String> type(String type) {
        return explain("SELECT NULL::" + type);
    }

    /** The expression over a table seen through {@code table}'s column names, cast to {@code type} when given. */
    public Optional<String> expression(String schema, Shape.TableShape table, String expression, String type) {
        if (table.created()) {
            // The table does not exist before start: nothing to compile against, and it holds no rows to convert.
            return Optional.empty();
        }
        String columns = table.columns().values().stream()
                .map(c -> (ShadowNames.isShadow(c.physical()) ? "NULL::" + c.type() : Identifiers.quote(c.physical()))
                        + " AS " + Identifiers.quote(c.name()))
                .collect(Collectors.joining(", "));
        String from = "(SELECT " + (columns.isEmpty() ? "1" : columns) + " FROM "
                + Identifiers.qualified(schema, table.physical()) + ") AS t";
        String select = "(" + expression + ")" + (type == null || type.isBlank() ? "" : "::" + type);
        return explain("SELECT " + select + " FROM " + from + " LIMIT 0");
    }

    private Optional<String> explain(String sql) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            Savepoint sp = connection.setSavepoint();
            try (Statement s = connection.createStatement()) {
                s.execute("EXPLAIN " + sql);
                return Optional.empty();
            } catch (SQLException e) {
                return Optional.of(message(e));
            } finally {
                connection.rollback(sp);
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            return Optional.of(message(e));
        }
    }

    private static String message(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return String.valueOf(e.getMessage());
    }
}
