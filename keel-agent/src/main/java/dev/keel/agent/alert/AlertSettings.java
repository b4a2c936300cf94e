package dev.keel.agent.alert;

import dev.keel.config.ConfigKey;
import dev.keel.config.KeelYaml;
import dev.keel.doctor.DoctorSeverity;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The alerts: section, read.
 *
 * @param minimum the least severe finding that alerts (missed backup and drill targets alert whatever theirs)
 * @param attempts how many times one delivery is tried before it is given up
 */
public record AlertSettings(
        List<Webhook> webhooks, Duration remind, DoctorSeverity minimum, RunbookLinks runbooks, int attempts) {

    public AlertSettings {
        webhooks = List.copyOf(webhooks);
    }

    public static AlertSettings from(KeelYaml config) {
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        config.get(AlertsSection.WEBHOOKS).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    int dot = e.getKey().lastIndexOf('.');
                    byName.computeIfAbsent(e.getKey().substring(0, dot), n -> new LinkedHashMap<>())
                            .put(e.getKey().substring(dot + 1), e.getValue());
                });
        List<Webhook> webhooks = new ArrayList<>();
        byName.forEach((name, settings) -> {
            String url = settings.get(AlertsSection.URL);
            if (url == null) {
                throw ConfigKey.invalidValue(
                        "webhook '" + name + "' in " + AlertsSection.WEBHOOKS.path() + " has no url",
                        "add " + AlertsSection.WEBHOOKS.path() + "." + name + ".url: ${VARIABLE} holding its URL");
            }
            String format = settings.getOrDefault(AlertsSection.FORMAT, WebhookFormat.JSON.label());
            webhooks.add(new Webhook(name, URI.create(url.strip()), WebhookFormat.of(format)));
        });
        String runbooks = config.get(AlertsSection.RUNBOOK_URL);
        return new AlertSettings(
                webhooks,
                config.get(AlertsSection.REMIND),
                DoctorSeverity.valueOf(config.get(AlertsSection.SEVERITY).toUpperCase(Locale.ROOT)),
                new RunbookLinks(runbooks),
                config.get(AlertsSection.ATTEMPTS));
    }

    /** Whether keel up sends alerts at all: only with a webhook to send them to. */
    public boolean on() {
        return !webhooks.isEmpty();
    }
}
