package dev.keel.agent.alert;

import dev.keel.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends each event to every webhook on a thread of its own, so a slow or failing receiver never holds up the doctor
 * job that raised the event. One thread, so a receiver gets an alert's messages in the order they were raised (an
 * alert opened and resolved within a minute never arrives resolved first); the request timeout bounds how long one
 * receiver can delay the others. A failed attempt is tried again after a pause that doubles each time, up to
 * alerts.attempts tries; every attempt is recorded in the {@link DeliveryLog} (and agent_deliveries) and counted.
 */
public final class Deliveries implements AutoCloseable {
    /** Doubling from the first pause stops here, so the last tries of a long outage are not hours apart. */
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);

    private final List<Webhook> webhooks;
    private final RunbookLinks links;
    private final int attempts;
    private final Duration firstPause;
    private final WebhookSender sender;
    private final DeliveryLog deliveries;
    private final AlertMetrics metrics;
    private final Clock clock;
    private final Consumer<String> log;
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "keel-up-alerts");
        t.setDaemon(true);
        return t;
    });

    public Deliveries(
            AlertSettings settings,
            Duration firstPause,
            WebhookSender sender,
            DeliveryLog deliveries,
            AlertMetrics metrics,
            Clock clock,
            Consumer<String> log) {
        this.webhooks = settings.webhooks();
        this.links = settings.runbooks();
        this.attempts = settings.attempts();
        this.firstPause = firstPause;
        this.sender = sender;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.clock = clock;
        this.log = log;
        webhooks.forEach(metrics::known);
    }

    /** Queues {@code event} for every webhook and returns at once. */
    public void send(AlertEvent event) {
        for (Webhook webhook : webhooks) {
            String body = webhook.format().body(event, links);
            schedule(() -> attempt(webhook, event, body, 1), Duration.ZERO);
        }
    }

    private void attempt(Webhook webhook, AlertEvent event, String body, int attempt) {
        WebhookSender.Result result = sender.post(webhook, body);
        Delivery.Outcome outcome = result.delivered()
                ? Delivery.Outcome.DELIVERED
                : attempt < attempts ? Delivery.Outcome.FAILED : Delivery.Outcome.GAVE_UP;
        deliveries.add(new Delivery(
                clock.instant(),
                webhook.name(),
                webhook.where(),
                event.kind().label(),
                event.condition().key(),
                attempt,
                outcome,
                result.detail()));
        if (outcome == Delivery.Outcome.DELIVERED) {
            metrics.sent(webhook, event.kind());
            return;
        }
        metrics.failed(webhook);
        String what = "alert " + event.kind().label() + " " + event.condition().key() + " to webhook " + webhook.name()
                + " (" + webhook.where() + ")";
        if (outcome == Delivery.Outcome.GAVE_UP) {
            log.accept(what + " failed " + attempt + " times, given up: " + result.detail());
        } else {
            Duration pause = pause(attempt);
            log.accept(what + " failed (" + result.detail() + "); attempt " + (attempt + 1) + " of " + attempts + " in "
                    + Durations.rounded(pause));
            schedule(() -> attempt(webhook, event, body, attempt + 1), pause);
        }
    }

    /** The pause after failed attempt {@code attempt}: the first pause, doubled each time, at most 10 minutes. */
    Duration pause(int attempt) {
        long millis = firstPause.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, LONGEST_PAUSE.toMillis()));
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.accept("alerts: keel up is stopping, a delivery was not sent");
        }
    }

    /** Stops: deliveries under way get {@code grace} to end; retries still waiting are dropped and logged. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    public void close(Duration grace) {
        executor.shutdown();
        int waiting = executor.getQueue().size();
        executor.getQueue().clear();
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        if (waiting > 0) {
            log.accept(
                    "alerts: " + waiting + " delivery attempt(s) waiting for a retry were dropped as keel up stopped");
        }
    }
}
