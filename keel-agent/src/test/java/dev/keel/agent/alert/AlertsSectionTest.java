package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.ConfigSectionTestBase;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keel.yaml's alerts: section. */
class AlertsSectionTest extends ConfigSectionTestBase {

    @Test
    void withoutWebhooksNothingIsSentAndTheDefaultsHold() throws IOException {
        AlertSettings settings = AlertSettings.from(load("schema: keel\n"));

        assertThat(settings.on()).isFalse();
        assertThat(settings.remind()).isEqualTo(Duration.ofHours(4));
        assertThat(settings.minimum()).isEqualTo(DoctorSeverity.CRITICAL);
        assertThat(settings.attempts()).isEqualTo(5);
        assertThat(settings.runbooks().linked()).isFalse();
    }

    @Test
    void namedWebhooksTakeTheirUrlFromTheEnvironmentAndDefaultToJson() throws IOException {
        AlertSettings settings = AlertSettings.from(
                load("""
                alerts:
                  webhooks:
                    ops:
                      url: ${SLACK_WEBHOOK}
                      format: slack
                    pager:
                      url: https://events.example/keel
                  remind: 30min
                  severity: warning
                  runbookUrl: https://git.example/shop/docs/runbooks
                  attempts: 3
                """, Map.of("SLACK_WEBHOOK", "https://hooks.slack.example/services/T0/B0/secret")));

        assertThat(settings.webhooks())
                .containsExactly(
                        new Webhook(
                                "ops",
                                URI.create("https://hooks.slack.example/services/T0/B0/secret"),
                                WebhookFormat.SLACK),
                        new Webhook("pager", URI.create("https://events.example/keel"), WebhookFormat.JSON));
        assertThat(settings.remind()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.minimum()).isEqualTo(DoctorSeverity.WARNING);
        assertThat(settings.runbooks().of("docs/runbooks/x.md"))
                .isEqualTo("https://git.example/shop/docs/runbooks/x.md");
        assertThat(settings.attempts()).isEqualTo(3);
    }

    @Test
    void aBadWebhookUrlIsAConfigurationErrorThatNamesTheKeyButNotTheUrl() {
        usageError(() -> load("alerts:\n  webhooks:\n    ops:\n      url: ftp://files.example/secret-path\n"))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("'alerts.webhooks.ops.url' must be an http:// or https:// URL")
                        .doesNotContain("secret-path")
                        .doesNotContain("\n"));
        usageError(() -> load("alerts:\n  webhooks:\n    ops:\n      url: hooks.example/secret-path\n"))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("'alerts.webhooks.ops.url'", "has no scheme")
                        .doesNotContain("secret-path"));
        usageError(() -> load("alerts:\n  webhooks:\n    ops:\n      url: 'https://hooks example/secret path'\n"))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("'alerts.webhooks.ops.url' is not a valid URL")
                        .doesNotContain("secret"));
    }

    @Test
    void aBadFormatAMissingUrlOrAnUnknownSettingIsRefused() {
        usageError(() -> load("alerts:\n  webhooks:\n    ops:\n      url: https://h.example/x\n      format: xml\n"))
                .satisfies(e -> assertThat(e.what()).contains("'alerts.webhooks.ops.format' must be json or slack"));
        usageError(() -> AlertSettings.from(load("alerts:\n  webhooks:\n    ops:\n      format: slack\n")))
                .satisfies(e -> assertThat(e.what()).contains("webhook 'ops' in alerts.webhooks has no url"));
        usageError(() -> load("alerts:\n  webhooks:\n    ops:\n      adress: https://h.example/x\n"))
                .satisfies(e -> assertThat(e.what()).contains("'alerts.webhooks.ops.adress' is not a webhook setting"));
        usageError(() -> load("alerts:\n  webhooks: https://h.example/x\n"))
                .satisfies(e -> assertThat(e.getMessage()).contains("alerts.webhooks"));
    }

    @Test
    void aShortReminderAnUnknownSeverityOrABadRunbookUrlIsRefused() {
        usageError(() -> load("alerts:\n  remind: 10s\n"))
                .satisfies(e -> assertThat(e.what()).contains("'alerts.remind' must be at least 1min"));
        usageError(() -> load("alerts:\n  severity: urgent\n"))
                .satisfies(e -> assertThat(e.what()).contains("'alerts.severity' must be critical, warning or info"));
        usageError(() -> load("alerts:\n  runbookUrl: docs/runbooks\n"))
                .satisfies(e -> assertThat(e.what()).contains("'alerts.runbookUrl'"));
        usageError(() -> load("alerts:\n  attempts: 0\n"))
                .satisfies(e -> assertThat(e.what()).contains("'alerts.attempts'"));
    }
}
