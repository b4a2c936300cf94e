package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookTest {
    private final Webhook slack = new Webhook(
            "ops",
            URI.create("https://hooks.slack.example:8443/services/T000/B000/XXXXSECRET?token=abc"),
            WebhookFormat.SLACK);

    @Test
    void onlySchemeAndHostAreShown() {
        assertThat(slack.where()).isEqualTo("https://hooks.slack.example:8443");
        assertThat(slack.toString())
                .contains("ops", "https://hooks.slack.example:8443")
                .doesNotContain("SECRET");
    }

    @Test
    void aMessageQuotingTheUrlLosesItsSecretParts() {
        String scrubbed = slack.scrub("cannot reach " + slack.url() + " and /services/T000/B000/XXXXSECRET");

        assertThat(scrubbed).doesNotContain("SECRET", "token=abc").contains("https://hooks.slack.example:8443");
    }
}
