package dev.keel.agent.alert;

import dev.keel.error.ErrorCatalog;
import dev.keel.error.ErrorCode;
import java.util.List;

/** keel up's alert codes for docs/errors.md. */
public final class AlertErrorCatalog implements ErrorCatalog {

    @Override
    public String area() {
        return "ALERT";
    }

    @Override
    public String title() {
        return "keel up's alerts: the state of the alerts it sent";
    }

    @Override
    public List<ErrorCode> codes() {
        return List.of(AlertError.values());
    }
}
