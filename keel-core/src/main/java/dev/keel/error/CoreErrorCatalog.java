package dev.keel.error;

import java.util.List;

/** keel-core's codes for docs/errors.md. */
public final class CoreErrorCatalog implements ErrorCatalog {

    @Override
    public String area() {
        return "CORE";
    }

    @Override
    public String title() {
        return "configuration, connections, SQL scripts and PostgreSQL programs";
    }

    @Override
    public List<ErrorCode> codes() {
        return List.of(CoreError.values());
    }
}
