package dev.keel.agent.alert;

import java.time.Instant;

/** An alert sent and not yet resolved, as keel.agent_alerts keeps it: what it said last, and when. */
public record OpenAlert(AlertCondition condition, Instant opened, Instant lastSent) {

    public String key() {
        return condition.key();
    }
}
