package dev.keel.agent.dashboard;

import com.sun.net.httpserver.HttpHandler;
import dev.keel.agent.http.AgentServer;
import dev.keel.agent.http.ListenAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Real HTTP requests to pages served by a real AgentServer, for this package's tests. */
final class Fetch {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Fetch() {}

    static AgentServer serve(Map<String, HttpHandler> pages) {
        return AgentServer.start(new ListenAddress("127.0.0.1", 0), null, pages);
    }

    static HttpResponse<String> get(AgentServer server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + server.address() + path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** One page served alone, fetched once. */
    static HttpResponse<String> page(DashboardPage page, String pathAndQuery) throws Exception {
        try (AgentServer server = serve(Map.of(page.path(), page))) {
            return get(server, pathAndQuery);
        }
    }
}
