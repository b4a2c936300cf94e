package dev.keel.agent.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What every request passes before a page sees it: GET or HEAD only, no body and a bounded URI (the agent only shows),
 * the bearer token when one is set; and the security headers go on every response, refusals included.
 */
public final class RequestGuard implements HttpHandler {
    /** Longer URIs are no request of the dashboard's. */
    static final int MAX_URI_LENGTH = 2048;

    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    private final HttpHandler page;
    private final BearerToken token;

    /** @param token null when none is set (loopback only) */
    public RequestGuard(HttpHandler page, BearerToken token) {
        this.page = page;
        this.token = token;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            SECURITY_HEADERS.forEach(headers::set);
            // No keep-alive: the JDK's server drops a connection idle for 30 s while its clients (the JDK's own keeps
            // them 20 min) may send on it at that moment, and a test's shared client may hold one to a stopped agent
            // whose port a new agent got; either request is closed without a response. A probe, a scrape or a page
            // load costs one loopback or LAN handshake more.
            headers.set("Connection", "close");
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                headers.set("Allow", "GET, HEAD");
                refuse(exchange, 405, "only GET and HEAD");
            } else if (exchange.getRequestURI().toString().length() > MAX_URI_LENGTH) {
                refuse(exchange, 414, "the URI is too long");
            } else if (hasBody(exchange.getRequestHeaders())) {
                refuse(exchange, 413, "requests carry no body");
            } else if (token != null
                    && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                headers.set("WWW-Authenticate", "Bearer realm=\"keel\"");
                refuse(exchange, 401, "a bearer token is required");
            } else {
                serve(exchange);
            }
        }
    }

    /** A page that fails answers 500 with nothing of the failure: its message may name what a visitor should not see. */
    private void serve(HttpExchange exchange) throws IOException {
        try {
            page.handle(exchange);
        } catch (RuntimeException | Error e) {
            // An Error too (a class that failed to load, a stack overflow): the JDK's server would close the
            // connection with no response at all.
            if (exchange.getResponseCode() == -1) {
                refuse(exchange, 500, "the page failed; the agent's log says why");
            }
            throw e;
        }
    }

    private static boolean hasBody(Headers request) {
        String length = request.getFirst("Content-Length");
        return request.containsKey("Transfer-Encoding")
                || length != null && !length.strip().equals("0");
    }

    static void refuse(HttpExchange exchange, int status, String why) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", (why + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a whole response; HEAD gets the headers only. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
