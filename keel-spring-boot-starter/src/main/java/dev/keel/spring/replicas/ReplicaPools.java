package dev.keel.spring.replicas;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.spring.KeelProperties;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;

/** A pool per replica, of the kind Boot would make for the primary (Hikari when present). */
public class ReplicaPools {

    DataSource create(String name, KeelProperties.Server server) {
        if (server.getUrl() == null || server.getUrl().isBlank()) {
            throw new KeelException(
                    CoreError.SETUP_INVALID,
                    "replica " + name + " has no URL",
                    "set keel.replicas.servers." + name + ".url to the replica's JDBC URL");
        }
        DataSourceBuilder<?> builder = DataSourceBuilder.create().url(server.getUrl());
        if (server.getUsername() != null) {
            builder.username(server.getUsername());
        }
        if (server.getPassword() != null) {
            builder.password(server.getPassword());
        }
        return builder.build();
    }
}
