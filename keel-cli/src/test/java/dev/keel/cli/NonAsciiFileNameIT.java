package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: under LANG=C the JVM decodes file names as ASCII, and V1__création_des_tables.sql was
 * stored in the history as "cr??ation des tables". A name is UTF-8 whatever the locale.
 */
@WithPostgres
class NonAsciiFileNameIT {
    private static final Map<String, String> POSIX_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");
    private final TestCluster cluster;

    NonAsciiFileNameIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aNonAsciiDescriptionIsStoredCorrectlyUnderThePosixLocale(@TempDir Path dir) throws Exception {
        Path migrations = TestProject.in(dir).migrations();
        Files.createDirectories(migrations);
        // Written through a URI: its escapes are the name's UTF-8 bytes, whatever locale runs this test.
        Path file = Path.of(URI.create(migrations.toUri() + "V1__cr%C3%A9ation_des_tables.sql"));
        Files.write(file, "create table clients (id bigint);\n".getBytes(StandardCharsets.UTF_8));
        String db = cluster.createDatabase();

        JavaProcess probe = JavaProcess.start(PrintFileNameEncoding.class.getName(), dir, POSIX_LOCALE, List.of());
        assertThat(probe.waitFor(60)).isZero();
        assertThat(probe.stdout()).as("the locale the keel process runs under").isNotEqualToIgnoringCase("UTF-8");

        Cli.Run run = Cli.runProcess(dir, POSIX_LOCALE, "--url", cluster.jdbcUrl(db), "migrate");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(cluster.queryString(
                        db, "select description || '|' || script from keel.schema_history where version = '1'"))
                .isEqualTo("cr\u00e9ation des tables|V1__cr\u00e9ation_des_tables.sql");
        assertThat(cluster.queryString(db, "select count(*) from clients")).isEqualTo("0");
    }
}
