package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestProject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database URL keel cannot use is a configuration error (exit 2) in keel's one line, with nothing printed before it. */
class ConnectionUrlErrorsTest {
    private Path dir;

    @BeforeEach
    void project(@TempDir Path dir) {
        this.dir = TestProject.in(dir)
                .migration("V1__one.sql", "create table one (id bigint);")
                .dir();
    }

    /** Regression: pgjdbc's java.util.logging WARNING ("JDBC URL port: 99999 not valid") came before keel's error. */
    @Test
    void pgjdbcsOwnWarningLinesAreNotPrinted() {
        // A separate process: java.util.logging's console handler holds the stderr of the JVM's start.
        Cli.Run run = Cli.runProcess(dir, Map.of(), "--url", "jdbc:postgresql://127.0.0.1:99999/db", "info");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        // Exactly keel's one line: nothing of pgjdbc's own logging before it.
        assertThat(run.stderr().lines())
                .as(run.stderr())
                .singleElement()
                .asString()
                .startsWith("keel: error: the port in the database URL from --url is not a number from 1 to 65535"
                        + " — write host:port with a port such as 5432, and the user and password as parameters (?user=…&password=…)"
                        + " [KEEL-");
    }

    /** Regression: an invalid sslmode failed only when connecting and looked like an unreachable server (exit 3). */
    @Test
    void anInvalidSslmodeIsExit2() {
        Cli.Run run = Cli.run("--url", "postgresql://127.0.0.1:1/db?sslmode=bogus", "-C", dir.toString(), "info");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("sslmode 'bogus' in the database URL from --url is not one pgjdbc knows", "verify-full");
    }

    @Test
    void anInvalidPgsslmodeIsExit2Too() {
        Cli.Run run = Cli.runProcess(dir, Map.of("PGHOST", "127.0.0.1", "PGPORT", "1", "PGSSLMODE", "nope"), "info");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr()).contains("sslmode 'nope'");
    }
}
