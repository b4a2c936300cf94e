package dev.keel.spring.actuate;

import dev.keel.change.ChangeStatus;
import dev.keel.migrate.InfoResult;
import dev.keel.migrate.Keel;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/keel}: what {@code keel info} and {@code keel change status} show, read from the database at each
 * request: the applied history, the pending migrations and the active change.
 */
@Endpoint(id = "keel")
public class KeelEndpoint {
    private final Keel keel;

    public KeelEndpoint(Keel keel) {
        this.keel = keel;
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
                info.database(), info.currentVersion(), history, pending, change.active() ? change : null);
    }

    /**
     * @param activeChange the change in flight; null when none is
     */
    public record KeelDescriptor(
            String database,
            String currentVersion,
            List<InfoResult.Row> history,
            List<InfoResult.Row> pending,
            ChangeStatus activeChange) {}
}
