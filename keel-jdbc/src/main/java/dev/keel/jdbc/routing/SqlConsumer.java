package dev.keel.jdbc.routing;

import java.sql.SQLException;

/** One call on a JDBC object, kept so it can be made again on another one. */
@FunctionalInterface
interface SqlConsumer<T> {
    void accept(T target) throws SQLException;
}
