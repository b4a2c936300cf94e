package dev.keel.agent;

import dev.keel.error.ErrorCatalog;
import dev.keel.error.ErrorCode;
import java.util.List;

/** keel-agent's codes for docs/errors.md. */
public final class AgentErrorCatalog implements ErrorCatalog {

    @Override
    public String area() {
        return "AGENT";
    }

    @Override
    public String title() {
        return "the agent, keel up: its HTTP server, schedules and job history";
    }

    @Override
    public List<ErrorCode> codes() {
        return List.of(AgentError.values());
    }
}
