package dev.keel.agent.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local webhook receiver on a free loopback port: keeps every body it is sent, and answers with the statuses it was
 * told to, in order, then 200.
 */
final class Receiver implements AutoCloseable {
    private final HttpServer server;
    private final List<String> bodies = new ArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private int requests;
    private boolean closed;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status;
            synchronized (this) {
                requests++;
                Integer next = statuses.poll();
                status = next == null ? 200 : next;
                if (status == 200) {
                    bodies.add(body);
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a webhook at this receiver, with a path that stands for a secret. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/secret-token");
    }

    /** Makes requests wait (up to 30 s) until {@link #release()}. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    synchronized void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    /** The bodies it accepted, in order. */
    synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    synchronized int requests() {
        return requests;
    }

    @Override
    public synchronized void close() {
        release();
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
