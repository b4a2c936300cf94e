package dev.keel.agent.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.keel.agent.http.RequestGuard;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * What every page does around its content: GET only, the query string read, the layout around the body. A page whose
 * data cannot be read (database down, repository unreachable) still renders, with the one-line error in place of the
 * content, so the rest of the dashboard stays usable.
 */
public abstract class DashboardPage implements HttpHandler {
    private final Clock clock;

    protected DashboardPage(Clock clock) {
        this.clock = clock;
    }

    /** The path the page answers, as in the nav bar. */
    public abstract String path();

    public abstract String title();

    /** Whether the page draws charts (then uPlot loads). */
    protected boolean charts() {
        return false;
    }

    /** The page's content as HTML; every value in it escaped. */
    protected abstract String body(Map<String, String> query);

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")
                && !exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            RequestGuard.send(
                    exchange, 405, "text/plain; charset=utf-8", "only GET\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] page = render(query(exchange.getRequestURI().getRawQuery())).getBytes(StandardCharsets.UTF_8);
        RequestGuard.send(exchange, 200, "text/html; charset=utf-8", page);
    }

    /** The whole page for these query parameters. */
    public String render(Map<String, String> query) {
        String body;
        try {
            body = body(query);
        } catch (KeelException e) {
            body = error(e.what(), e.todo());
        } catch (RuntimeException e) {
            // A bug in one page must not take the others down; the message names it for a report.
            body = error("this page failed: " + e, "see keel up's log, and report it with the page's address");
        }
        return Layout.page(path(), title(), body, charts(), clock.instant());
    }

    static String error(String what, String todo) {
        return "<p class=\"error\">" + Html.escape(what) + (todo == null ? "" : " — " + Html.escape(todo)) + "</p>\n";
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape is no parameter of ours
            }
        }
        return values;
    }
}
