package dev.keel.agent.alert;

import dev.keel.app.JsonOutput;
import dev.keel.config.Durations;
import java.time.Duration;
import java.util.Map;

/**
 * The Slack-compatible body, {"text": …}: one line a person reads in a channel — what, where, since when — and the
 * runbook's link. Mattermost, Rocket.Chat and Teams' Slack-compatible hooks read the same.
 */
public final class SlackAlert {

    private SlackAlert() {}

    public static String body(AlertEvent event, RunbookLinks links) {
        return JsonOutput.write(Map.of("text", text(event, links)));
    }

    static String text(AlertEvent event, RunbookLinks links) {
        AlertCondition c = event.condition();
        String where = "`" + escape(c.check()) + "` on *" + escape(event.database()) + "*: " + escape(c.summary());
        String since = Durations.rounded(Duration.between(event.opened(), event.time()));
        String line = switch (event.kind()) {
            case OPENED -> ":rotating_light: *" + c.severity().label() + "* " + where;
            case REMINDER ->
                ":bell: still open after " + since + ": *" + c.severity().label() + "* " + where;
            case RESOLVED -> ":white_check_mark: resolved after " + since + ": " + where;
        };
        String runbook = links.of(c.runbook());
        if (runbook != null && event.kind() != AlertEvent.Kind.RESOLVED) {
            line += links.linked() ? " — <" + runbook + "|runbook>" : " — runbook: " + escape(runbook);
        }
        return line + " (keel up on " + escape(event.agentHost()) + ")";
    }

    /** Slack reads &amp;, &lt; and &gt; as markup: a summary holding them must show them as written. */
    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
