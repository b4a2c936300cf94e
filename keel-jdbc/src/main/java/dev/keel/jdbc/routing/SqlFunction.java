package dev.keel.jdbc.routing;

import java.sql.SQLException;

/** A JDBC call with a result: a statement's execution, or the making of a statement on a connection. */
@FunctionalInterface
interface SqlFunction<T, R> {
    R apply(T target) throws SQLException;
}
