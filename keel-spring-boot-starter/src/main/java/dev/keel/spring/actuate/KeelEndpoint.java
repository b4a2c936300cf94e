package dev.keel.spring.actuate;

import dev.keel.change.ChangeStatus;
import dev.keel.migrate.InfoResult;
import dev.keel.migrate.Keel;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/keel}: what {@code keel info} and {@code keel change status} show, read from the database at each
 * request: the applied history, the pending migrations and the active change; and the replicas the application
 * reads from, when it routes to some.
 */
@Endpoint(id = "keel")
public class KeelEndpoint {
    private final Keel keel;
    private final DataSource dataSource;

    /** @param dataSource the application's DataSource, for its replicas when it routes to some; may be null */
    public KeelEndpoint(Keel keel, DataSource dataSource) {
        this.keel = keel;
        this.dataSource = dataSource;
    }

    @ReadOperation
    public KeelDescriptor keel() {
        InfoResult info = keel.info();
        List<InfoResult.Row> history = info.migrations().stream()
                .filter(row -> !row.state().equals("pending") && row.installedOn() != null)
                .toList();
        List<InfoResult.Row> pending = info.migrations().stream()
                .filter(row -> row.state().equals("pending"))
                .toList();
        ChangeStatus change = keel.status();
        return new KeelDescriptor(
                info.database(),
                info.currentVersion(),
                history,
                pending,
                change.active() ? change : null,
                RoutedReplicas.of(dataSource));
    }

    /**
     * @param activeChange the change in flight; null when none is
     * @param replicas the replicas of keel.replicas.* as the router sees them; empty without any
     */
    public record KeelDescriptor(
            String database,
            String currentVersion,
            List<InfoResult.Row> history,
            List<InfoResult.Row> pending,
            ChangeStatus activeChange,
            List<Replica> replicas) {}

    /**
     * @param replayLsn how far it has replayed, as PostgreSQL prints it, or "unknown" before the router's first poll
     */
    public record Replica(String name, boolean up, String replayLsn, long lagBytes, double lagSeconds) {}
}
