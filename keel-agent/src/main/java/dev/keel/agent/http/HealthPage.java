package dev.keel.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.keel.app.JsonOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * /health as JSON. It answers 200 while the agent runs, standby and database down included: a probe that restarted a
 * standby or an agent waiting for its database would only make things worse. The body says which.
 */
public final class HealthPage implements HttpHandler {
    private final Supplier<AgentStatus> status;

    public HealthPage(Supplier<AgentStatus> status) {
        this.status = status;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body = (JsonOutput.write(status.get()) + "\n").getBytes(StandardCharsets.UTF_8);
        RequestGuard.send(exchange, 200, "application/json", body);
    }
}
