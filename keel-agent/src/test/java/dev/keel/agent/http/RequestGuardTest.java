package dev.keel.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every request through a real server: methods, sizes, the token, and the headers on every answer. */
class RequestGuardTest {
    private static final String TOKEN = "a-token-of-enough-length";
    private AgentServer server;

    private ListenAddress serve(String token) {
        server = AgentServer.start(
                new ListenAddress("127.0.0.1", 0),
                token,
                Map.of(
                        "/hello",
                        exchange -> RequestGuard.send(
                                exchange, 200, "text/plain", "hello".getBytes(StandardCharsets.UTF_8))));
        return server.address();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersRefusalsIncluded() throws Exception {
        ListenAddress at = serve(TOKEN);
        for (HttpResponse<String> response : new HttpResponse[] {
            Requests.get(at, "/hello", "Authorization", "Bearer " + TOKEN),
            Requests.get(at, "/hello"),
            Requests.get(at, "/nothing", "Authorization", "Bearer " + TOKEN),
            Requests.send(at, "DELETE", "/hello", "Authorization", "Bearer " + TOKEN)
        }) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    @Test
    void withATokenARequestWithoutItOrWithAnotherIsRefused() throws Exception {
        ListenAddress at = serve(TOKEN);

        assertThat(Requests.get(at, "/hello").statusCode()).isEqualTo(401);
        assertThat(Requests.get(at, "/hello", "Authorization", "Bearer wrong").statusCode())
                .isEqualTo(401);
        HttpResponse<String> ok = Requests.get(at, "/hello", "Authorization", "Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("hello");
    }

    @Test
    void onlyGetAndHeadAreServed() throws Exception {
        ListenAddress at = serve(null);

        HttpResponse<String> post = Requests.send(at, "POST", "/hello");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        HttpResponse<String> head = Requests.send(at, "HEAD", "/hello");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aBodyOrAnOverlongUriIsRefused() throws Exception {
        ListenAddress at = serve(null);

        assertThat(Requests.raw(
                        at, "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"))
                .contains("413");
        assertThat(Requests.get(at, "/hello?" + "a".repeat(RequestGuard.MAX_URI_LENGTH))
                        .statusCode())
                .isEqualTo(414);
    }

    @Test
    void aPathThatIsNoPageIsNotFound() throws Exception {
        ListenAddress at = serve(null);

        assertThat(Requests.get(at, "/").statusCode()).isEqualTo(404);
        assertThat(Requests.get(at, "/hello/more").statusCode()).isEqualTo(404);
    }

    @Test
    void everyAnswerEndsItsConnectionSoNoClientSendsOnOneTheServerDrops() throws Exception {
        ListenAddress at = serve(null);

        try (Socket socket = new Socket(at.host(), at.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // readAllBytes returns at the server's close; a kept-alive connection would time out here instead.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer)
                    .startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("Connection: close")
                    .endsWith("hello");
        }
        assertThat(Requests.get(at, "/hello").headers().firstValue("Connection"))
                .contains("close");
    }

    @Test
    void aPageThatThrowsAnErrorStillAnswers500NotAClosedConnection() throws Exception {
        server = AgentServer.start(new ListenAddress("127.0.0.1", 0), null, Map.of("/broken", exchange -> {
            throw new StackOverflowError("a page's bug");
        }));

        HttpResponse<String> response = Requests.get(server.address(), "/broken");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("a page's bug");
    }
}
