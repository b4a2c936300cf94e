package dev.keel.agent.alert;

import java.util.Locale;

/** What a webhook's receiver reads: keel's JSON document, or the {"text": …} a Slack incoming webhook takes. */
public enum WebhookFormat {
    JSON,
    SLACK;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code text}, or null when it names none. */
    static WebhookFormat of(String text) {
        for (WebhookFormat f : values()) {
            if (f.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    /** The request body of {@code event} in this format. */
    public String body(AlertEvent event, RunbookLinks links) {
        return switch (this) {
            case JSON -> JsonAlert.body(event, links);
            case SLACK -> SlackAlert.body(event, links);
        };
    }
}
