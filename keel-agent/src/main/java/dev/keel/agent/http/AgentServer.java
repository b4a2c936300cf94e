package dev.keel.agent.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.keel.agent.AgentError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * keel up's HTTP server, the JDK's own: a few threads, every page behind a {@link RequestGuard}. Only loopback without
 * a token: anything else would show the database's state to whoever reaches the port.
 */
public final class AgentServer implements AutoCloseable {
    private static final int THREADS = 4;
    private static final int BACKLOG = 16;

    private final HttpServer server;
    private final ExecutorService threads;

    private AgentServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Listens at {@code address} and serves {@code pages} by path, each guarded.
     *
     * @param token null for none, which only a loopback address allows
     */
    public static AgentServer start(ListenAddress address, String token, Map<String, HttpHandler> pages) {
        requireTokenOffLoopback(address, token);
        boundRequestTimes();
        HttpServer server;
        try {
            server = HttpServer.create(address.socketAddress(), BACKLOG);
        } catch (BindException e) {
            throw new KeelException(
                    AgentError.PORT_IN_USE,
                    "cannot listen on " + address + ": " + (e.getMessage() == null ? "address in use" : e.getMessage()),
                    "stop what holds the port, or give keel up --listen (or agent.listen) another one",
                    e);
        } catch (IOException e) {
            throw new KeelException(
                    AgentError.PORT_IN_USE,
                    "cannot listen on " + address + ": " + e.getMessage(),
                    "check the address in --listen or agent.listen",
                    e);
        }
        BearerToken bearer = token == null ? null : BearerToken.of(token);
        Map<String, HttpHandler> all = new LinkedHashMap<>(pages);
        all.putIfAbsent("/", exchange -> RequestGuard.refuse(exchange, 404, "not found"));
        all.forEach((path, page) -> server.createContext(path, new RequestGuard(exact(path, page), bearer)));
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "keel-up-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.start();
        return new AgentServer(server, threads);
    }

    /**
     * A client that sends its request or reads the answer slowly would hold one of the few threads: the JDK's server
     * closes such exchanges after these many seconds (read once, when its first server starts; a value set on the
     * command line wins).
     */
    private static void boundRequestTimes() {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "60");
        }
    }

    /** A context matches its path as a prefix; a page answers its own path only. */
    private static HttpHandler exact(String path, HttpHandler page) {
        return exchange -> {
            if (exchange.getRequestURI().getPath().equals(path)) {
                page.handle(exchange);
            } else {
                RequestGuard.refuse(exchange, 404, "not found");
            }
        };
    }

    static void requireTokenOffLoopback(ListenAddress address, String token) {
        if (token == null && !address.loopback()) {
            throw new KeelException(
                    AgentError.TOKEN_REQUIRED,
                    "keel up will not listen on " + address + " without agent.token: anyone who reaches it would see"
                            + " the database's state",
                    "set agent.token (e.g. agent.token: ${KEEL_AGENT_SECRET}, from openssl rand -hex 32), or listen on"
                            + " 127.0.0.1");
        }
    }

    /** Where it listens, with the port the system chose when asked for port 0. */
    public ListenAddress address() {
        InetSocketAddress bound = server.getAddress();
        return new ListenAddress(bound.getAddress().getHostAddress(), bound.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
