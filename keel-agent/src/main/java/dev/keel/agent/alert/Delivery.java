package dev.keel.agent.alert;

import java.time.Instant;
import java.util.Locale;

/**
 * One attempt to deliver one event to one webhook, as the jobs page shows it: the webhook by name and
 * scheme://host, never its URL.
 *
 * @param attempt 1 for the first try
 * @param detail the receiver's HTTP status, or what went wrong
 */
public record Delivery(
        Instant time,
        String webhook,
        String where,
        String event,
        String key,
        int attempt,
        Outcome outcome,
        String detail) {

    public enum Outcome {
        DELIVERED,
        /** Failed; it will be tried again. */
        FAILED,
        /** Failed on its last attempt: this event does not reach this webhook. */
        GAVE_UP;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public boolean failed() {
        return outcome != Outcome.DELIVERED;
    }
}
