package dev.keel.agent.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** keel_alerts_sent_total and keel_alert_delivery_failures_total, by webhook name (never its URL). */
public final class AlertMetrics {
    private final MeterRegistry registry;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the webhook's counters at zero, so /metrics shows them before the first alert. */
    void known(Webhook webhook) {
        for (AlertEvent.Kind kind : AlertEvent.Kind.values()) {
            sentCounter(webhook, kind);
        }
        failedCounter(webhook);
    }

    void sent(Webhook webhook, AlertEvent.Kind kind) {
        sentCounter(webhook, kind).increment();
    }

    void failed(Webhook webhook) {
        failedCounter(webhook).increment();
    }

    private Counter sentCounter(Webhook webhook, AlertEvent.Kind kind) {
        return Counter.builder("keel.alerts.sent")
                .description("alert messages a webhook accepted")
                .tag("webhook", webhook.name())
                .tag("event", kind.label())
                .register(registry);
    }

    private Counter failedCounter(Webhook webhook) {
        return Counter.builder("keel.alert.delivery.failures")
                .description("attempts to deliver an alert that failed (each retry counts)")
                .tag("webhook", webhook.name())
                .register(registry);
    }
}
