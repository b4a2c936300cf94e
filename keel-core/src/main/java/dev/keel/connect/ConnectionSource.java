package dev.keel.connect;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Where operations get their connections: a resolved target (the CLI) or an application's DataSource. */
public interface ConnectionSource {

    Connection open();

    /** host:port/database or another description without secrets. */
    String describe();

    static ConnectionSource of(DatabaseTarget target) {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                return Connector.open(target, "keel");
            }

            @Override
            public String describe() {
                return target.describe();
            }
        };
    }

    static ConnectionSource of(DataSource dataSource) {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                try {
                    return dataSource.getConnection();
                } catch (SQLException e) {
                    throw new KeelException(
                            CoreError.DATASOURCE_FAILED,
                            "cannot get a connection from the application's DataSource: " + e.getMessage(),
                            "check the DataSource's URL and credentials",
                            e);
                }
            }

            @Override
            public String describe() {
                return "the application's DataSource";
            }
        };
    }
}
