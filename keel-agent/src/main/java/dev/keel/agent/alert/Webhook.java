package dev.keel.agent.alert;

import java.net.URI;

/**
 * One receiver of alerts, named in keel.yaml. Its URL is a secret (a Slack webhook URL is its own credential), so
 * only {@link #where()} — scheme and host — ever reaches a log, a page or a delivery record.
 */
public record Webhook(String name, URI url, WebhookFormat format) {

    /** scheme://host[:port]: enough to tell receivers apart, nothing that grants access. */
    public String where() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** {@code text} (an exception's message, say) with this webhook's URL cut down to {@link #where()}. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String full = url.toString();
        String scrubbed = text.replace(full, where());
        String path = url.getRawPath();
        if (path != null && path.length() > 1) {
            scrubbed = scrubbed.replace(path, "/…");
        }
        return scrubbed;
    }

    @Override
    public String toString() {
        // A record prints every component; the URL must never reach a log line.
        return "Webhook[" + name + ", " + where() + ", " + format.label() + "]";
    }
}
