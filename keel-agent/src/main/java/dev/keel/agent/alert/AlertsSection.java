package dev.keel.agent.alert;

import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** keel.yaml's alerts: section: where keel up sends alerts, how often it reminds, from which severity. */
public final class AlertsSection implements ConfigSection {
    static final String URL = "url";
    static final String FORMAT = "format";

    public static final ConfigKey<Map<String, String>> WEBHOOKS = ConfigKey.mapping(
                    "alerts.webhooks",
                    "alerts.webhooks.<name>.<setting>: <value>",
                    "the receivers of alerts, each named, with url (write ${VARIABLE}: a webhook URL is a secret) and"
                            + " format (json, the default, or slack)")
            .withEntryRule(AlertsSection::entryProblem);

    public static final ConfigKey<Duration> REMIND = ConfigKey.duration(
                    "alerts.remind", Duration.ofHours(4), "how often an alert that stays open is sent again")
            .requiring(d -> d.toMinutes() >= 1, "must be at least 1min", "set it to a duration such as 4h")
            .withDefault(Duration.ofHours(4), "4h");

    public static final ConfigKey<String> SEVERITY = ConfigKey.choice(
            "alerts.severity",
            "critical",
            List.of("critical", "warning", "info"),
            "set it to critical, warning or info",
            "the least severe doctor finding that alerts; a missed backup or drill target alerts whatever its severity");

    public static final ConfigKey<String> RUNBOOK_URL = ConfigKey.of(
            "alerts.runbookUrl",
            "URL",
            null,
            "not set",
            "where readers of an alert open the runbooks, e.g. your repository's docs/runbooks on its Git host;"
                    + " an alert links <runbookUrl>/<check>.md, or names docs/runbooks/<check>.md when not set",
            (text, key, dir) -> {
                String problem = httpUrlProblem(text, key);
                if (problem != null) {
                    throw ConfigKey.invalidValue(
                            problem, "write a URL such as https://git.example.com/shop/docs/runbooks");
                }
                return text.strip();
            });

    public static final ConfigKey<Integer> ATTEMPTS = ConfigKey.integer(
            "alerts.attempts",
            5,
            1,
            10,
            "how many times one alert is sent to a webhook that fails, with doubling pauses, before it is given up");

    @Override
    public String title() {
        return "Alerts (keel up)";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(WEBHOOKS, REMIND, SEVERITY, RUNBOOK_URL, ATTEMPTS);
    }

    @Override
    public int order() {
        return 42;
    }

    /** {@code name} is &lt;webhook&gt;.&lt;setting&gt;; a URL is judged without ever being repeated back. */
    static String entryProblem(String name, String value) {
        int dot = name.lastIndexOf('.');
        String setting = name.substring(dot + 1);
        String key = "'" + WEBHOOKS.path() + "." + name + "'";
        return switch (setting) {
            case URL -> httpUrlProblem(value, key);
            case FORMAT ->
                WebhookFormat.of(value) == null
                        ? key + " must be json or slack, not '" + value.strip().toLowerCase(Locale.ROOT) + "'"
                        : null;
            default -> key + " is not a webhook setting: a webhook has url and format";
        };
    }

    /** What is wrong with {@code text} as an http(s) URL, or null; never quotes the text. */
    static String httpUrlProblem(String text, String key) {
        String quoted = key.startsWith("'") ? key : "'" + key + "'";
        if (text == null || text.isBlank()) {
            return quoted + " is empty: it must be an http:// or https:// URL";
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return quoted + " is not a valid URL (" + e.getReason() + "): it must be an http:// or https:// URL";
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return quoted + " must be an http:// or https:// URL"
                    + (scheme == null ? ", and has no scheme" : ", not " + scheme + ":");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return quoted + " must be an http:// or https:// URL with a host name";
        }
        return null;
    }
}
