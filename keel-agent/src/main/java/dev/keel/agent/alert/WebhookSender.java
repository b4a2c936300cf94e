package dev.keel.agent.alert;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs one body to one webhook, within timeouts: a receiver that hangs must not hold the alerts behind it. */
public final class WebhookSender {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** What one POST came to: the HTTP status, or the failure (already scrubbed of the URL). */
    public record Result(int status, String error) {
        public boolean delivered() {
            return error == null && status >= 200 && status < 300;
        }

        public String detail() {
            return error != null ? error : "HTTP " + status;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public Result post(Webhook webhook, String body) {
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "keel-up")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new Result(response.statusCode(), null);
        } catch (IOException e) {
            String message = e.getMessage() == null
                    ? ""
                    : ": " + e.getMessage().lines().findFirst().orElse("");
            return new Result(0, webhook.scrub(e.getClass().getSimpleName() + message));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, "interrupted: keel up is stopping");
        }
    }
}
