package dev.keel.agent.alert;

import java.time.Instant;
import java.util.Locale;

/**
 * One message to the webhooks: an alert opened, reminded of, or resolved.
 *
 * @param opened when the condition was first alerted
 * @param database the database the agent looks after (its name, never its URL)
 * @param agentHost the host the sending agent runs on
 */
public record AlertEvent(
        Kind kind, AlertCondition condition, Instant opened, Instant time, String database, String agentHost) {

    public enum Kind {
        OPENED,
        REMINDER,
        RESOLVED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
