package dev.keel.backup.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryUrlTest {

    @Test
    void aFileUrlNamesAnAbsoluteDirectory() {
        assertThat(RepositoryUrl.parse("file:///srv/backups/shop"))
                .isEqualTo(new RepositoryUrl.Local(Path.of("/srv/backups/shop")));
        assertThat(RepositoryUrl.parse(" file:///srv/backups/ ").display()).isEqualTo("file:///srv/backups");
    }

    @Test
    void anS3UrlNamesABucketAndAPrefix() {
        assertThat(RepositoryUrl.parse("s3://acme-backups/shop/prod/"))
                .isEqualTo(new RepositoryUrl.S3("acme-backups", "shop/prod"));
        assertThat(RepositoryUrl.parse("s3://acme-backups")).isEqualTo(new RepositoryUrl.S3("acme-backups", ""));
        assertThat(RepositoryUrl.parse("s3://acme.backups/x").display()).isEqualTo("s3://acme.backups/x");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "file://backups/shop          | a file URL cannot name a host",
                "file:backups                 | a file URL needs an absolute path after file://",
                "file:///srv/../etc           | the path must not contain '.' or '..'",
                "s3://                        | the bucket name is missing",
                "s3:///prefix                 | the bucket name is missing",
                "s3://Acme_Backups/x          | 'Acme_Backups' is not a valid bucket name (3-63 lower-case letters, digits, '.' and '-')",
                "s3://acme//x                 | the prefix must not contain empty, '.' or '..' parts",
                "gs://acme/x                  | the scheme 'gs' is not supported",
                "/srv/backups                 | it has no scheme",
            })
    void aMalformedUrlSaysWhatIsWrongAndWhatIsAccepted(String url, String why) {
        assertThatThrownBy(() -> RepositoryUrl.parse(url)).isInstanceOfSatisfying(KeelException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.what()).isEqualTo("backup repository URL '" + url + "' is malformed: " + why);
            assertThat(e.todo()).isEqualTo("write file:///absolute/path or s3://bucket/prefix");
            assertThat(e.getMessage()).doesNotContain("\n");
        });
    }

    @Test
    void noUrlAtAllPointsAtTheSetting() {
        assertThatThrownBy(() -> RepositoryUrl.parse(null)).isInstanceOfSatisfying(KeelException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.what()).isEqualTo("no backup repository is set");
            assertThat(e.todo()).contains("backup.repository").contains("--repo");
        });
    }

    @Test
    void credentialsInAnS3UrlAreRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> RepositoryUrl.parse("s3://AKIA123:topsecret@acme/x"))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).doesNotContain("topsecret").contains("must not carry credentials");
                });
    }
}
