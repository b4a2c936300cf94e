package dev.keel.spring.actuate;

import dev.keel.jdbc.routing.ReplicaStatus;
import dev.keel.jdbc.routing.RoutingDataSource;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** The replicas behind the application's DataSource as its router sees them; none when it routes nowhere. */
final class RoutedReplicas {

    private RoutedReplicas() {}

    static List<KeelEndpoint.Replica> of(DataSource dataSource) {
        if (dataSource == null) {
            return List.of();
        }
        try {
            if (!dataSource.isWrapperFor(RoutingDataSource.class)) {
                return List.of();
            }
            return dataSource.unwrap(RoutingDataSource.class).replicaStatus().stream()
                    .map(RoutedReplicas::replica)
                    .toList();
        } catch (SQLException e) {
            // A wrapper that cannot say what it wraps routes nowhere Keel knows of.
            return List.of();
        }
    }

    private static KeelEndpoint.Replica replica(ReplicaStatus status) {
        return new KeelEndpoint.Replica(
                status.name(), status.up(), status.replayLsnText(), status.lagBytes(), status.lagSeconds());
    }
}
