package dev.keel.backup.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupSettings;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
    private static final BackupSettings.S3 NONE = new BackupSettings.S3(null, null, null, null, null);

    @Test
    void theStandardAwsVariablesAreTheFallback() {
        S3Settings s = S3Settings.resolve(
                NONE,
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "id",
                        "AWS_SECRET_ACCESS_KEY",
                        "secret",
                        "AWS_REGION",
                        "eu-west-1",
                        "AWS_ENDPOINT_URL",
                        "http://127.0.0.1:9000",
                        "AWS_SESSION_TOKEN",
                        "token"));

        assertThat(s)
                .isEqualTo(new S3Settings(
                        URI.create("http://127.0.0.1:9000"), "eu-west-1", true, "id", "secret", "token"));
    }

    @Test
    void keelYamlWinsOverTheEnvironment() {
        S3Settings s = S3Settings.resolve(
                new BackupSettings.S3("https://s3.example.test", "ap-south-1", false, "yaml-id", "yaml-secret"),
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "env-id",
                        "AWS_SECRET_ACCESS_KEY",
                        "env-secret",
                        "AWS_REGION",
                        "eu-west-1"));

        assertThat(s)
                .isEqualTo(new S3Settings(
                        URI.create("https://s3.example.test"), "ap-south-1", false, "yaml-id", "yaml-secret", null));
    }

    @Test
    void withoutAnEndpointItIsAwsInVirtualHostStyleAndTheDefaultRegion() {
        S3Settings s = S3Settings.resolve(NONE, Map.of("AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret"));

        assertThat(s.endpoint()).isNull();
        assertThat(s.pathStyle()).isFalse();
        assertThat(s.region()).isEqualTo("us-east-1");
    }

    @Test
    void missingCredentialsAreAConfigurationError() {
        assertThatThrownBy(() -> S3Settings.resolve(NONE, Map.of("AWS_ACCESS_KEY_ID", "id")))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.what())
                            .isEqualTo("no S3 credentials are set: the access key id or the secret is missing");
                    assertThat(e.todo()).contains("AWS_SECRET_ACCESS_KEY");
                });
    }

    @Test
    void aMalformedEndpointIsAConfigurationError() {
        assertThatThrownBy(() -> S3Settings.resolve(
                        new BackupSettings.S3("127.0.0.1:9000", null, null, "id", "secret"), Map.of()))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.what()).startsWith("S3 endpoint '127.0.0.1:9000' is malformed");
                });
    }

    @Test
    void theTextOfTheSettingsHidesTheSecrets() {
        S3Settings s = new S3Settings(null, "us-east-1", false, "id", "very-secret", "session-secret");

        assertThat(s.toString())
                .doesNotContain("very-secret")
                .doesNotContain("session-secret")
                .contains("id");
    }
}
